"""Reading what users give the app to check or review: text files, Word documents, projects."""
