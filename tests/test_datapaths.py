from __future__ import annotations

from pathlib import Path

from jdbuilder.datapaths import lexicons_dir, resource, resources_dir


def test_data_folders_are_found() -> None:
    assert (resources_dir() / "library" / "roles").is_dir()
    assert lexicons_dir().is_dir()
    assert resource("fonts", "DejaVuSans.ttf").is_file()


def test_installed_wheel_finds_its_data(tmp_path: Path) -> None:
    """Build the wheel, install it into a fresh environment and load the data from there."""
    import subprocess
    import sys
    import venv

    root = Path(__file__).resolve().parents[1]
    wheels = tmp_path / "wheels"
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                        "-q", "-w", str(wheels), str(root)], capture_output=True, text=True,
                       timeout=600)
    assert r.returncode == 0, r.stderr
    (wheel,) = wheels.glob("jdbuilder-*.whl")
    env_dir = tmp_path / "env"
    venv.create(env_dir, system_site_packages=True)
    py = env_dir / "bin" / "python"
    r = subprocess.run([str(py), "-m", "pip", "install", "--no-deps", "-q", str(wheel)],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    code = ("import jdbuilder.datapaths as d; from jdbuilder.library import load_library; "
            "print(d.resources_dir()); print(d.lexicons_dir()); "
            "print(len(load_library().roles))")
    r = subprocess.run([str(py), "-c", code], capture_output=True, text=True, timeout=300,
                       cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    res, lex, roles = r.stdout.split()
    assert "site-packages" in res and "site-packages" in lex and int(roles) >= 12
