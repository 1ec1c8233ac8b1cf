from decimal import Decimal as D

from generator.load.reader import load_yaml


def write(tmp_path, text, name="2019.yaml", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def only(loaded):
    assert len(loaded.findings) == 1, [f.render() for f in loaded.findings]
    return loaded.findings[0]


def test_amounts_become_decimal_and_keep_their_digits(tmp_path):
    loaded = load_yaml(write(tmp_path, "收入:\n  一般公共预算财政拨款收入: 1622.30\n"))
    assert loaded.data["收入"]["一般公共预算财政拨款收入"] == D("1622.30")
    assert str(loaded.data["收入"]["一般公共预算财政拨款收入"]) == "1622.30"
    assert loaded.lines[("收入", "一般公共预算财政拨款收入")] == 2


def test_duplicate_key_is_an_error_with_both_lines(tmp_path):
    f = only(load_yaml(write(tmp_path, "年度: 2019\n实有人数: 60\n年度: 2020\n")))
    assert f.is_error and f.line == 3 and "第 1 行" in f.message and f.path == "年度"


def test_tab_indentation_is_named(tmp_path):
    f = only(load_yaml(write(tmp_path, "收入:\n\t其他收入: 1\n")))
    assert f.line == 2 and "Tab" in f.message


def test_syntax_error_has_line_and_column(tmp_path):
    f = only(load_yaml(write(tmp_path, "年度: 2019\n说明: \"没有右引号\n实有人数: 3\n")))
    assert f.is_error and "列" in f.message


def test_gbk_file_is_explained(tmp_path):
    f = only(load_yaml(write(tmp_path, "单位名称: 仁和区纪委\n", encoding="gbk")))
    assert "GBK" in f.message and "UTF-8" in f.message


def test_bom_is_accepted(tmp_path):
    loaded = load_yaml(write(tmp_path, b"\xef\xbb\xbf" + "年度: 2019\n".encode()))
    assert loaded.ok and loaded.data == {"年度": 2019}


def test_python_tags_are_refused_not_executed(tmp_path):
    f = only(load_yaml(write(tmp_path, "年度: !!python/object/apply:os.system ['echo hacked']\n")))
    assert f.is_error and "标签" in f.message


def test_aliases_are_refused(tmp_path):
    loaded = load_yaml(write(tmp_path, "a: &x [1, 2]\nb: *x\n"))
    assert not loaded.ok and "别名" in loaded.findings[0].message


def test_dates_stay_text(tmp_path):
    assert load_yaml(write(tmp_path, "日期: 2019-12-31\n")).data == {"日期": "2019-12-31"}
