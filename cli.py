"""Command line: python cli.py generate|check [PATH ...] — parses arguments and prints results."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

try:
    import click

    from generator.errors import (
        CommandLineError,
        EnvironmentProblem,
        Finding,
        InternalError,
        Interrupted,
        Severity,
        UsageError,
        echo_findings,
    )
    from generator.load.reader import display_path
except ModuleNotFoundError as missing:  # the Python running this is not the one the toolkit was installed into
    sys.stderr.write(f"运行本程序的 Python 缺少软件包 {missing.name}（这不是您的数据问题）。请在程序所在的文件夹运行 "
                     "pip install -c constraints.txt . 安装；如果安装时用了虚拟环境（venv），请先激活它。\n")
    sys.exit(4)


class Cli(click.Group):
    """The command group, on click's exit contract: 0 success, 1 data, template or file problem, 2 usage, 3 internal
    error, 4 a package missing from the Python that runs it, 130 Ctrl-C.

    User errors are click exceptions already (generator.errors); click's own usage messages are shown in Chinese;
    Ctrl-C and unexpected exceptions become click exceptions too, so click prints them and sets the exit code.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """click's parsing, its usage errors shown in Chinese."""
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:
            raise_in_chinese(exc)
            raise

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; anything that is not a click exception becomes one."""
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            raise_in_chinese(exc)
            raise
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except KeyboardInterrupt as exc:
            raise Interrupted("") from exc
        except BrokenPipeError:  # the output went to a pager or `head` that closed early: nothing left to say
            import os
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise click.exceptions.Exit(0) from None
        except ModuleNotFoundError as exc:
            if exc.name and not exc.name.startswith(("generator", "cli")):
                raise EnvironmentProblem(exc.name.split(".")[0]) from exc
            raise InternalError(bool(ctx.params.get("debug"))) from exc
        except Exception as exc:  # an internal bug: apologise, show the traceback only under --debug
            raise InternalError(bool(ctx.params.get("debug"))) from exc


def raise_in_chinese(exc: click.UsageError) -> None:
    """Raise click's own usage errors (unknown option, missing argument) as ours, which speak Chinese; ours pass."""
    if not isinstance(exc, (UsageError, click.exceptions.NoArgsIsHelpError)):
        raise CommandLineError(exc.format_message(), exc.ctx) from exc


def summary(findings: list[Finding]) -> str:
    """The count line: 错误 N 个，警告 M 个."""
    errors = sum(f.is_error for f in findings)
    return f"共 {errors} 个错误，{len(findings) - errors} 个警告。"


@click.group(cls=Cli, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="出现内部错误时显示 Python 调用栈（供开发人员排查）。")
def main(debug: bool) -> None:
    """从 YAML 数据生成部门决算说明、绩效评价报告等 Word 文档。"""
    for stream in (sys.stdout, sys.stderr):  # a console that cannot show a character (GBK and “CO₂”) shows “?” instead
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", "outdir", default="out", type=click.Path(path_type=Path), show_default=True, help="输出文件夹。")
@click.option("--draft", is_flag=True, help="草稿：缺少的内容显示为【待补充】，每页标注“草稿”。")
@click.option("--pdf", is_flag=True, help="同时用 LibreOffice 导出 PDF。")
@click.option("--xlsx", is_flag=True, help="同时把九张部门决算表写成 Excel 工作簿（公开表格式，金额单位：万元）。")
def generate(paths: tuple[Path, ...], outdir: Path, draft: bool, pdf: bool, xlsx: bool) -> None:
    """生成文档。PATH 可以是年度文件、单位文件夹或包含多个单位文件夹的文件夹；不写则生成 data/ 下所有单位。"""
    from generator.workflow.batch import BatchInterrupted, run_all, summary_table
    from generator.workflow.pipeline import check_output_dir, discover

    jobs = discover(list(paths))
    check_output_dir(outdir)
    try:
        outcomes = run_all(jobs, outdir, draft, xlsx=xlsx, pdf=pdf)
    except BatchInterrupted as stop:
        report_outcomes(stop.done)
        report_unfinished(stop.unfinished)
        raise Interrupted("") from None
    report_outcomes(outcomes)
    if pdf:
        export_pdfs(outcomes)
    if len(jobs) > 1:
        click.echo(summary_table(outcomes))
        report_failed(outcomes)
    click.get_current_context().exit(1 if any(o.failure for o in outcomes) else 0)


def export_pdfs(outcomes: list) -> None:
    """PDFs of every document written; one LibreOffice cannot convert is its unit's failure, the others go on."""
    from generator.workflow.pdf import export

    written, failed = export([p for o in outcomes for p in o.written if p.suffix == ".docx"])
    for path in written:
        click.echo(f"已导出 {display_path(path)}")
    for doc, why in failed:
        owner = next(o for o in outcomes if doc in o.written)
        owner.failure = "；".join(filter(None, [owner.failure, f"未能导出 PDF：{doc.name}"]))
        click.echo(f"{owner.job.label}：LibreOffice 未能把 {display_path(doc)} 转换为 PDF：{why}", err=True)


def report_failed(outcomes: list) -> None:
    """The unit-years that did not finish, each with why, last on the screen."""
    failed = [o for o in outcomes if o.failure]
    if failed:
        click.echo(f"未完成的 {len(failed)} 个：", err=True)
        for o in failed:
            click.echo(f"  {o.job.label}：{o.failure}", err=True)


def report_outcomes(outcomes: list) -> None:
    """Each unit-year's findings, notes, failure and the documents it wrote."""
    for o in outcomes:
        echo_findings(o.findings)
        for note in o.notes:
            click.echo(note)
        if o.failure:
            click.echo(f"{o.job.label}：{o.failure}", err=True)
        for path in o.written:
            click.echo(f"已生成 {display_path(path)}")


def report_unfinished(unfinished: list) -> None:
    """The unit-years a Ctrl-C left undone, and the documents they had already written."""
    untouched = [job.label for job, written in unfinished if not written]
    for job, written in unfinished:
        if written:
            click.echo(f"未完成 {job.label}（已写出：{'、'.join(p.name for p in written)}）", err=True)
    if untouched:
        shown = "、".join(untouched[:5]) + ("等" if len(untouched) > 5 else "")
        click.echo(f"未开始 {len(untouched)} 个：{shown}（没有写出文档）", err=True)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def check(paths: tuple[Path, ...]) -> None:
    """检查数据：列出所有错误和警告（文件:行: 级别: 字段: 说明）。"""
    from generator.workflow.custom import custom_template_findings
    from generator.workflow.pipeline import discover, prepare

    findings: list[Finding] = []
    for job in discover(list(paths)):
        prepared = prepare(job)
        findings += prepared.findings + custom_template_findings(prepared)
    echo_findings(findings)
    click.echo(summary(findings))
    click.get_current_context().exit(1 if any(f.is_error for f in findings) else 0)


@main.command()
@click.argument("unit_dir", type=click.Path(path_type=Path))
@click.argument("year", type=int)
def new(unit_dir: Path, year: int) -> None:
    """根据最近一年的文件创建新年度文件（不会覆盖已有文件）。例：python cli.py new data/某单位 2020"""
    from generator.workflow.scaffold import create

    path = create(unit_dir, year)
    click.echo(f"已创建 {display_path(path)}。标着“# 待补充”的内容请填写，然后运行 python cli.py check {display_path(unit_dir)}")


@main.command()
@click.argument("unit_dir", type=click.Path(path_type=Path))
@click.argument("year", type=int, required=False)
@click.option("-o", "--output", "outdir", default="out", type=click.Path(path_type=Path), show_default=True, help="输出文件夹。")
@click.option("--rate", default="10", show_default=True, help="增减幅度超过百分之几才列出。")
@click.option("--amount", default="1", show_default=True, help="增减额超过多少万元才列出。")
def review(unit_dir: Path, year: int | None, outdir: Path, rate: str, amount: str) -> None:
    """审阅清单：与上年相比变动较大的数字及其原因、check 的提示，写成 Markdown 和 Word 文件。不写年度时取最近一年。"""
    from generator.workflow.pipeline import check_output_dir
    from generator.workflow.review import review as write_review
    from generator.workflow.review import review_job, thresholds

    check_output_dir(outdir)
    for path in write_review(review_job(unit_dir, year), outdir, *thresholds(rate, amount)):
        click.echo(f"已生成 {display_path(path)}")


@main.command(name="import")
@click.argument("workbook", type=click.Path(path_type=Path))
@click.argument("unit_dir", type=click.Path(path_type=Path))
@click.option("--year", type=int, default=None, help="年度；不写时取表头里的年度（例如“2024年度”）。")
@click.option("--confirm", is_flag=True, help="工作簿表头的年度或编制单位与要导入的不同时，确认照样导入。")
def import_(workbook: Path, unit_dir: Path, year: int | None, confirm: bool) -> None:
    """从 Excel 工作簿（.xlsx 或 .xls）导入九张部门决算表。年度文件不存在时写出它；已存在时逐格比对，不改文件。"""
    from generator.workflow.excel_import import run_import

    done = run_import(workbook, unit_dir, year, confirm)
    echo_findings(done.findings)
    if done.written:
        click.echo(f"已写出 {display_path(done.target)}。请补充文字内容，然后运行 python cli.py check {display_path(unit_dir)}")
    elif done.differences:
        click.echo(f"{display_path(done.target)} 已存在，未改动；工作簿与它有 {done.differences} 处不一致（见上）。")
    else:
        click.echo(f"{display_path(done.target)} 已存在，未改动；工作簿与它一致。")
    click.echo(summary(done.findings))
    click.get_current_context().exit(1 if done.failed else 0)


@main.command()
@click.argument("docx", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def totext(docx: Path) -> None:
    """把 .docx 转成纯文本（标题带级别、表格按行），供审阅和 git diff 使用。"""
    from generator.tools.totext import docx_text

    sys.stdout.write(docx_text(docx))


@main.command()
@click.option("-o", "--output", "folder", default=None, type=click.Path(path_type=Path), help="写到哪个文件夹（默认 schemas/）。")
def schema(folder: Path | None) -> None:
    """写出单位文件和年度文件的 JSON Schema（供 VS Code 等编辑器补全和校验）、核对项一览 docs/核对项.md 和模板变量说明 templates/变量说明.md。"""
    from generator.workflow import schemas

    written = [*(schemas.write(folder) if folder else schemas.write()), schemas.write_reference(folder or schemas.ROOT / "docs"),
               schemas.write_variables(folder or schemas.TEMPLATES)]
    for path in written:
        click.echo(f"已写出 {display_path(path)}")


@main.group(invoke_without_command=True)
@click.pass_context
def templates(ctx) -> None:
    """列出模板；templates check 文件.docx 检查自己修改的模板。"""
    if ctx.invoked_subcommand:
        return
    from generator.model.layouts import available, resolve

    for name in available():
        for document in resolve(name).documents:
            click.echo(f"{document.kind}（{name}）: {display_path(document.template)}")
    from generator.workflow.pipeline import discover, prepare
    for job in discover([]):
        bundle = prepare(job).bundle
        for name, path in (bundle.unit.templates.items() if bundle else []):
            click.echo(f"{name}（{job.unit_dir.name} 自定义）: {path}")


@templates.command("copy")
@click.argument("kind", metavar="文档")
@click.argument("layout", metavar="版式")
@click.argument("folder", metavar="文件夹", type=click.Path(path_type=Path))
def templates_copy(kind: str, layout: str, folder: Path) -> None:
    """把版式的默认模板复制到文件夹（通常是单位文件夹），供用 Word 或 WPS 修改。例：templates copy 部门决算说明 四川 data/某单位"""
    from generator.workflow.template_copy import copy_template

    target = copy_template(kind, layout, folder)
    click.echo(f"已复制到 {display_path(target)}。用 Word 或 WPS 修改后，在单位的 unit.yaml 里写：\n模板:\n  {kind}: {target.name}\n"
               f"（路径相对于 unit.yaml 所在的文件夹），再运行 python cli.py templates check {display_path(target)} 检查。")


@templates.command("check")
@click.argument("docx", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--kind", default=None, help="文档种类，例如 部门决算说明；省略时按模板所在文件夹判断。")
def templates_check(docx: Path, kind: str | None) -> None:
    """检查模板：跨段落或被拆开的标签、标签里的中文引号、不配对的 for/if、不存在的变量。"""
    from generator.contexts.types import VARIABLES
    from generator.tools.template_lint import lint
    from generator.tools.variables import top

    kind = kind or next((n for n in (docx.stem, docx.resolve().parent.name) if n in VARIABLES), None)
    if kind is not None and kind not in VARIABLES:
        raise UsageError(f"不认识的文档种类“{kind}”。可用：{'、'.join(VARIABLES)}")
    problems = lint(docx, top(kind))
    for problem in problems:
        click.echo(problem.render())
    errors = sum(p.severity is Severity.ERROR for p in problems)
    click.echo(f"{display_path(docx)}：{errors} 个错误，{len(problems) - errors} 个警告。")
    click.get_current_context().exit(1 if errors else 0)


if __name__ == "__main__":
    main()
