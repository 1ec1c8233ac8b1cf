"""The command line as a clerk uses it: exit codes and messages."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def cli(*args, cwd=ROOT):
    """The CLI run as a real process, as a clerk runs it."""
    return subprocess.run([sys.executable, str(ROOT / "cli.py"), *args], capture_output=True, text=True, cwd=cwd)


def invoke(*args):
    """The CLI run in-process through click's test runner (exit code, stdout and stderr apart)."""
    from click.testing import CliRunner

    import cli as command
    return CliRunner().invoke(command.main, list(args))


def test_generate_one_unit(tmp_path):
    r = cli("generate", "data/panzhihua-renhe-jiwei", "-o", str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "panzhihua-renhe-jiwei" / "2019" / "2019年度部门决算说明.docx").exists()
    assert "已生成" in r.stdout


def test_missing_path_is_a_usage_error(tmp_path):
    r = invoke("generate", "data/no-such-unit", "-o", str(tmp_path))
    assert r.exit_code == 2 and "用法错误：找不到" in r.stderr and "Traceback" not in r.output + r.stderr


def test_a_folder_of_units_is_every_unit_inside(tmp_path):
    import shutil
    city = tmp_path / "某市"
    shutil.copytree(ROOT / "data" / "panzhihua-renhe-jiwei", city / "区县" / "panzhihua-renhe-jiwei")
    shutil.copytree(ROOT / "data" / "example-jiaoyuju", city / "example-jiaoyuju")
    r = cli("check", str(city))
    assert r.returncode == 0 and "区县/panzhihua-renhe-jiwei/2019.yaml" in r.stdout and "共 0 个错误，5 个警告" in r.stdout
    r = cli("generate", str(city), "-o", str(tmp_path / "out"))
    assert r.returncode == 0 and sorted(p.name for p in (tmp_path / "out").iterdir()) == ["example-jiaoyuju", "panzhihua-renhe-jiwei"]


def test_two_units_of_the_same_name_are_refused_before_writing(tmp_path):
    import shutil
    for county in ("甲县", "乙县"):
        shutil.copytree(ROOT / "data" / "example-jiaoyuju", tmp_path / county / "example-jiaoyuju")
    r = cli("generate", str(tmp_path), "-o", str(tmp_path / "out"))
    assert r.returncode == 2 and "同名" in r.stderr and not (tmp_path / "out").exists()


def test_a_folder_without_units_is_a_usage_error(tmp_path):
    r = cli("check", str(tmp_path))
    assert r.returncode == 2 and "没有 unit.yaml" in r.stderr


def test_unknown_option_is_a_usage_error():
    r = invoke("generate", "--frobnicate")
    assert r.exit_code == 2 and "用法错误：没有选项 --frobnicate" in r.stderr and "--help" in r.stderr


def test_no_command_shows_the_help():
    r = invoke()
    assert r.exit_code == 2 and "generate" in r.output


def test_ctrl_c_is_reported_not_a_traceback(monkeypatch):
    from generator.workflow import pipeline

    def interrupt(paths):
        raise KeyboardInterrupt
    monkeypatch.setattr(pipeline, "discover", interrupt)
    r = invoke("check")
    assert r.exit_code == 130 and "已中止" in r.stderr and "Traceback" not in r.stderr


def test_bad_data_exits_1_with_file_line_field(tmp_path):
    unit = tmp_path / "u"
    unit.mkdir()
    (unit / "unit.yaml").write_text("单位名称: 甲\n简称: 甲\n职能: [x]\n编制: {行政编制: 1}\n", encoding="utf-8")
    (unit / "2019.yaml").write_text("年度: 2019\n收入: {一般公共预算财政拨款收入: 1622.30万元}\n支出: {基本支出: 0, 项目支出: 0, 科目: []}\n", encoding="utf-8")
    r = cli("generate", str(unit), "-o", str(tmp_path / "out"))
    assert r.returncode == 1 and "Traceback" not in r.stderr + r.stdout
    assert "2019.yaml:2: 错误: 收入.一般公共预算财政拨款收入:" in r.stdout


def test_check_data_is_clean():
    r = invoke("check")
    assert r.exit_code == 0 and "共 0 个错误" in r.stdout


def test_two_files_for_one_year_are_refused(tmp_path):
    import shutil
    shutil.copytree(ROOT / "data" / "example-jiaoyuju", tmp_path / "u")
    shutil.copy(tmp_path / "u" / "2024.yaml", tmp_path / "u" / "2024.yml")
    r = invoke("generate", str(tmp_path / "u"), "-o", str(tmp_path / "out"))
    assert r.exit_code == 2 and "同一年度的两个文件" in r.stderr and "2024.yml" in r.stderr and not (tmp_path / "out").exists()
