"""Configuration from the environment, and a production configuration that passes --deploy."""

import os
import subprocess
import sys

import pytest


def yingji(*args, env: dict) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")}
    return subprocess.run(
        [sys.executable, "-m", "yingji.cli", *args], capture_output=True, text=True, env=base | env
    )


def test_check_deploy_is_clean_in_production(tmp_path):
    result = yingji(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            "DJANGO_SETTINGS_MODULE": "yingji.settings.production",
            "SECRET_KEY": "x7Gf2-kLq9_Zp3vR8sT1uW4yB6nM0cE5aH-jD_oQiXeKbNlPrUtVzYwSgFhJmC",
            "ALLOWED_HOSTS": "yingji.example.gov.cn",
            "YINGJI_VAR": str(tmp_path),
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_needs_a_secret_key(tmp_path):
    result = yingji(
        "check", env={"DJANGO_SETTINGS_MODULE": "yingji.settings.production", "YINGJI_VAR": str(tmp_path)}
    )
    assert result.returncode != 0
    assert "Set the environment variable SECRET_KEY" in result.stderr


def test_the_embedded_default_keeps_a_generated_key_outside_the_source(tmp_path):
    result = yingji("check", env={"YINGJI_VAR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    key = (tmp_path / "secret_key").read_text()
    assert len(key) >= 50 and oct((tmp_path / "secret_key").stat().st_mode)[-3:] == "600"


@pytest.mark.parametrize(("name", "value"), [("DEBUG", "maybe"), ("YINGJI_SESSION_MINUTES", "forever")])
def test_a_bad_variable_is_named_in_the_error(tmp_path, name, value):
    result = yingji("check", env={"YINGJI_VAR": str(tmp_path), name: value})
    assert result.returncode != 0
    assert name in result.stderr


def test_commands_are_named_with_hyphens_or_underscores(tmp_path):
    for name in ("import-hazards", "import_hazards"):
        result = yingji(name, "--help", env={"YINGJI_VAR": str(tmp_path)})
        assert result.returncode == 0 and "import" in result.stdout.lower(), result.stderr
