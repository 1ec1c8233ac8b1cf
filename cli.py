"""Command line: python cli.py generate|check [PATH ...] — parses arguments and prints results."""
from __future__ import annotations

import sys
import traceback
from pathlib import Path

import click

from generator.errors import Finding, UsageError, UserError
from generator.loading import display_path

DEBUG = {"on": False}


def print_findings(findings: list[Finding]) -> None:
    """Each finding on its own line, errors first, in file and line order."""
    for finding in sorted(set(findings), key=lambda f: (f.file, f.severity != "错误", f.line, f.path)):
        click.echo(finding.render())


def summary(findings: list[Finding]) -> str:
    """The count line: 错误 N 个，警告 M 个."""
    errors = sum(f.is_error for f in findings)
    return f"共 {errors} 个错误，{len(findings) - errors} 个警告。"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="出现内部错误时显示 Python 调用栈（供开发人员排查）。")
def main(debug: bool) -> None:
    """从 YAML 数据生成部门决算说明、绩效评价报告等 Word 文档。"""
    DEBUG["on"] = debug


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", "outdir", default="out", type=click.Path(path_type=Path), show_default=True, help="输出文件夹。")
@click.option("--draft", is_flag=True, help="草稿：缺少的内容显示为【待补充】，每页标注“草稿”。")
def generate(paths: tuple[Path, ...], outdir: Path, draft: bool) -> None:
    """生成文档。PATH 可以是年度文件、单位文件夹；不写则生成 data/ 下所有单位。"""
    from generator.pipeline import discover, generate as run

    failed = False
    for job in discover(list(paths)):
        try:
            prepared, written = run(job, outdir, draft)
        except UserError as exc:
            failed = True
            print_findings(exc.findings)
            click.echo(f"{job.label}：{exc.message}", err=True)
            continue
        print_findings(prepared.findings)
        for note in prepared.skipped:
            click.echo(note)
        for path in written:
            click.echo(f"已生成 {display_path(path)}")
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def check(paths: tuple[Path, ...]) -> None:
    """检查数据：列出所有错误和警告（文件:行: 级别: 字段: 说明）。"""
    from generator.pipeline import discover, prepare

    findings: list[Finding] = []
    for job in discover(list(paths)):
        findings += prepare(job).findings
    print_findings(findings)
    click.echo(summary(findings))
    sys.exit(1 if any(f.is_error for f in findings) else 0)


@main.command()
@click.argument("unit_dir", type=click.Path(path_type=Path))
@click.argument("year", type=int)
def new(unit_dir: Path, year: int) -> None:
    """根据最近一年的文件创建新年度文件（不会覆盖已有文件）。例：python cli.py new data/某单位 2020"""
    from generator.scaffold import create

    path = create(unit_dir, year)
    click.echo(f"已创建 {display_path(path)}。标着“# 待补充”的内容请填写，然后运行 python cli.py check {display_path(unit_dir)}")


def run() -> int:
    """Run the CLI with the exit contract: 0 success, 1 data or template problem, 2 usage."""
    try:
        main.main(standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError as exc:
        click.echo(exc.ctx.get_help())
        return 2
    except click.UsageError as exc:
        click.echo(f"用法错误：{exc.format_message()}\n运行 python cli.py --help 查看用法。", err=True)
        return 2
    except click.exceptions.Abort:
        click.echo("已中止。", err=True)
        return 1
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 0
    except UsageError as exc:
        click.echo(f"用法错误：{exc}", err=True)
        return 2
    except UserError as exc:
        print_findings(exc.findings)
        click.echo(exc.message, err=True)
        return 1
    except Exception:  # an internal bug: apologise, show the traceback only under --debug
        click.echo("抱歉，程序内部出错了。这不是您的数据问题。请把运行的命令和数据文件发给维护人员；"
                   "加上 --debug 可以显示详细信息。", err=True)
        if DEBUG["on"] or "--debug" in sys.argv:
            traceback.print_exc()
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(run())
