"""A tamper-evident archive: no silent overwrite, and verify names every change made after.

One archive is built once for the whole run (`chained`): the session's Northshire render of
2026-05-12, replaced with --force and a reason, then a later meeting (2026-06-09, added to a copy
of board.yml) rendered after it, signed and printed. Each test that damages it copies it first.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from boardbrief.contract.inputs import run_fingerprint, short_fingerprint
from tests.pipeline.conftest import fingerprint, render_once, run_cli

pytestmark = pytest.mark.pipeline

REASON = "the feedback file was corrected after the meeting"
LATER = "2026-06-09"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="session")
def chained(tmp_path_factory, rendered):
    """The archive described above, with its data, signing key and allowed-signers file."""

    def prepare(root: Path) -> None:
        shutil.copytree(rendered["data"], root / "data")
        board = root / "data" / "board.yml"
        text = board.read_text(encoding="utf-8")
        board.write_text(text.replace("2026-05-12]", f"2026-05-12, {LATER}]"), encoding="utf-8")
        shutil.copytree(rendered["out"], root / "briefings")
        forced = run_cli(
            "render", "2026-05-12", "--force", "--reason", REASON, "--no-area-pages",
            "--data", "data", "--out", "briefings", cwd=root,
        )  # fmt: skip
        assert forced.returncode == 0, forced.stderr
        subprocess.run(
            ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "officer", "-f", "key"],
            cwd=root, check=True,
        )  # fmt: skip
        kind, public = (root / "key.pub").read_text(encoding="utf-8").split()[:2]
        (root / "allowed_signers").write_text(f"officer {kind} {public}\n", encoding="utf-8")

    def args(root: Path) -> list[str]:
        return ["render", LATER, "--no-area-pages", "--pdf", "--sign", "key",
                "--data", "data", "--out", "briefings"]  # fmt: skip

    root, result = render_once(tmp_path_factory, "tamper-chained", args, prepare)
    assert result.returncode == 0, result.stderr
    return {"root": root, "out": root / "briefings", "session": rendered["out"]}


@pytest.fixture
def archive(tmp_path, chained):
    """A copy of the chained archive and its data, safe to damage."""
    root = tmp_path / "copy"
    shutil.copytree(chained["root"], root)
    return root


def _verify(root: Path, date: str = LATER, *extra: str, env: dict[str, str] | None = None):
    return run_cli(
        "verify", date, "--out", str(root / "briefings"), "--data", str(root / "data"), *extra,
        env=env,
    )  # fmt: skip


def _edit_json(path: Path, change) -> None:
    record = json.loads(path.read_text(encoding="utf-8"))
    change(record)
    path.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n", encoding="utf-8")


# No silent overwrite.


def test_render_over_an_archived_briefing_is_refused_and_changes_nothing(
    tmp_path, rendered_without_area_pages
):
    """The data edited since the archived render: without --force, nothing may replace it.

    Archive and render without area pages: the same outputs asked for, so only the data differs
    (and the kernel the render starts while it checks the data is one, not two).
    """
    rendered = rendered_without_area_pages
    out, data = tmp_path / "briefings", tmp_path / "data"
    shutil.copytree(rendered["out"], out)
    shutil.copytree(rendered["data"], data)
    edited = data / "actions" / "2026-05-05.csv"
    edited.write_text(
        edited.read_text(encoding="utf-8").replace("Backlog at 300", "Backlog at 290"), "utf-8"
    )
    before = fingerprint(out)
    result = run_cli(
        "render", "2026-05-12", "--no-area-pages", "--data", str(data), "--out", str(out)
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert f"boardbrief: {out / '2026-05-12'} already holds the briefing for 2026-05-12" in (
        result.stderr
    )
    assert "(the data or its cut-off differ" in result.stderr
    assert 'run again with --force --reason "WHY"' in result.stderr
    assert "Traceback" not in result.stderr and "running briefing.ipynb" not in result.stderr
    after = {k: v for k, v in fingerprint(out).items() if not k.startswith(".locks/")}
    assert after == {k: v for k, v in before.items() if not k.startswith(".locks/")}


@pytest.mark.parametrize("extra", [["2026-05-12", "--force"], ["--all", "--force"]])
def test_force_without_a_reason_is_a_usage_error(tmp_path, rendered, extra):
    result = run_cli("render", *extra, "--data", str(rendered["data"]), "--out", str(tmp_path))
    assert result.returncode == 2
    assert 'boardbrief: --force replaces an archived briefing and needs --reason "WHY"' in (
        result.stderr
    )
    assert list(tmp_path.iterdir()) == []


def test_render_all_force_with_a_reason_replaces_and_keeps_every_rendered_meeting(
    tmp_path, rendered
):
    """Two meetings are enough, one archived and one not: 2026-04-14 is taken off a copy of
    board.yml (a render fewer; it would be rendered exactly as 2026-03-10 is)."""
    out, data = tmp_path / "briefings", tmp_path / "data"
    shutil.copytree(rendered["out"], out)
    shutil.copytree(rendered["data"], data)
    board = data / "board.yml"
    text = board.read_text(encoding="utf-8")
    assert "[2026-03-10, 2026-04-14, 2026-05-12]" in text
    board.write_text(text.replace("2026-04-14, ", ""), encoding="utf-8")
    result = run_cli(
        "render", "--all", "--force", "--reason", "a new counting rule", "--no-area-pages",
        "--data", str(data), "--out", str(out),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert sorted(Path(line).parent.name for line in result.stdout.splitlines()) == [
        "2026-03-10",
        "2026-05-12",
    ]
    record = json.loads((out / "2026-05-12" / "run.json").read_text(encoding="utf-8"))
    assert record["replaces"]["reason"] == "a new counting rule"
    kept = out / "2026-05-12" / record["replaces"]["superseded_folder"]
    assert fingerprint(kept) == fingerprint(rendered["folder"])
    assert json.loads((out / "2026-03-10" / "run.json").read_text("utf-8"))["replaces"] is None
    # the archived render's line, then one for each meeting rendered now
    assert len((out / "ledger.jsonl").read_text(encoding="utf-8").splitlines()) == 3


def test_forced_render_keeps_the_replaced_briefing_lists_and_names_it(chained):
    out, session = chained["out"], chained["session"]
    record = json.loads((out / "2026-05-12" / "run.json").read_text(encoding="utf-8"))
    replaces = record["replaces"]
    assert replaces["reason"] == REASON
    assert replaces["run_sha256"] == _sha(session / "2026-05-12" / "run.json")
    kept = out / "2026-05-12" / replaces["superseded_folder"]
    assert fingerprint(kept) == fingerprint(session / "2026-05-12")  # every file, byte for byte
    index = (out / "index.html").read_text(encoding="utf-8")
    assert f'href="2026-05-12/{replaces["superseded_folder"]}/briefing.html">replaced ' in index
    lines = [json.loads(line) for line in (out / "ledger.jsonl").read_text("utf-8").splitlines()]
    assert [line["meeting"] for line in lines] == ["2026-05-12", "2026-05-12", LATER]
    assert lines[1]["replaces"] == replaces["run_sha256"] == lines[0]["run_sha256"]
    assert lines[1]["run_sha256"] == _sha(out / "2026-05-12" / "run.json")


def test_the_later_meeting_chains_to_the_earlier_run_record(chained):
    out = chained["out"]
    record = json.loads((out / LATER / "run.json").read_text(encoding="utf-8"))
    assert record["previous_record"] == {
        "meeting": "2026-05-12",
        "sha256": _sha(out / "2026-05-12" / "run.json"),
    }
    assert record["format"] == 2
    assert record["signature"]["namespace"] == "boardbrief-run"
    assert (out / LATER / "run.json.sig").is_file()


def test_the_fingerprint_is_on_the_front_page_and_every_printed_page(chained):
    from pypdf import PdfReader

    folder = chained["out"] / LATER
    record = json.loads((folder / "run.json").read_text(encoding="utf-8"))
    assert record["fingerprint"] == run_fingerprint(LATER, LATER, record["inputs"])
    short = short_fingerprint(record["fingerprint"])
    html = (folder / "briefing.html").read_text(encoding="utf-8")
    assert f"Record fingerprint <strong>{short}</strong>" in html
    assert "the minutes can quote it" in html
    pages = PdfReader(folder / "briefing.pdf").pages
    assert len(pages) > 3
    assert all(f"Record fingerprint {short}" in page.extract_text() for page in pages)


def test_area_pages_print_the_same_fingerprint_in_their_footers(rendered):
    folder = rendered["folder"]
    record = json.loads((folder / "run.json").read_text(encoding="utf-8"))
    pages = sorted((folder / "areas").glob("*.html"))
    assert len(pages) == 3
    for page in pages:
        footer = f"Record fingerprint {short_fingerprint(record['fingerprint'])}"
        assert footer in page.read_text(encoding="utf-8"), page.name


def test_a_plain_papermill_run_shows_the_same_fingerprint_as_the_render(
    papermill_northshire, rendered
):
    """The kernel computes the fingerprint from the files it read, not from the command."""
    import nbformat

    assert papermill_northshire["returncode"] == 0, papermill_northshire["stderr"]
    shown = "".join(
        o.get("data", {}).get("text/html", "")
        for c in nbformat.read(papermill_northshire["notebook"], as_version=4).cells
        for o in c.get("outputs", [])
    )
    record = json.loads((rendered["folder"] / "run.json").read_text(encoding="utf-8"))
    assert f"Record fingerprint <strong>{short_fingerprint(record['fingerprint'])}</strong>" in (
        shown
    )


def test_a_render_from_the_same_data_code_and_packages_is_a_no_op_only_when_clean(archive):
    """`make briefing` twice: nothing to do when the archived run is this run (a clean commit).

    In a checkout with uncommitted changes, the same data is not enough: refused, unchanged.
    """
    from boardbrief.publish.run_record import git_state

    root = archive
    before = fingerprint(root / "briefings")
    result = run_cli(
        "render", LATER, "--no-area-pages", "--data", "data", "--out", "briefings", cwd=root
    )
    assert fingerprint(root / "briefings") == before
    if git_state()["git_dirty"] is False:
        assert result.returncode == 0, result.stderr
        assert "already rendered from the same data and code" in result.stderr
        assert result.stdout.strip() == str(root / "briefings" / LATER / "briefing.html")
    else:
        assert result.returncode == 2
        assert "(the code has uncommitted changes)" in result.stderr


# verify: each tamper case, its exit code and what it names.


def test_verify_an_untouched_chained_signed_archive_reproduces(archive):
    result = _verify(archive, LATER, "--allowed-signers", str(archive / "allowed_signers"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith(f"{LATER}: reproduced\n")
    assert "  - code: " in result.stdout


def test_verify_names_an_edited_executed_notebook(archive):
    notebook = archive / "briefings" / LATER / "briefing.ipynb"
    notebook.write_text(notebook.read_text(encoding="utf-8").replace("14", "41", 1), "utf-8")
    result = _verify(archive)
    assert result.returncode == 3, result.stdout + result.stderr
    assert result.stdout.startswith(f"{LATER}: changed after it was rendered\n")
    assert "briefing.ipynb: the archived copy was changed after it was rendered" in result.stdout


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (
            lambda r: r.update(started="2026-06-01T09:00:00+00:00"),
            "run.json started: the ledger (line 3) recorded 20",
        ),
        (
            lambda r: r["code"].update(git_commit="0" * 40),
            "run.json code.git_commit: the ledger (line 3) recorded ",
        ),
        (
            lambda r: r["environment"]["packages"].update(pandas="0.0.1"),
            "package pandas: recorded 0.0.1, now ",
        ),
    ],
    ids=["backdated start", "zeroed commit", "changed package version"],
)
def test_verify_names_what_was_edited_in_run_json(archive, change, named):
    _edit_json(archive / "briefings" / LATER / "run.json", change)
    result = _verify(archive, LATER, "--allowed-signers", str(archive / "allowed_signers"))
    assert result.returncode == 3, result.stdout + result.stderr
    assert "run.json: changed after it was rendered: its SHA-256" in result.stdout
    assert named in result.stdout
    assert "run.json.sig: does not match run.json (changed after it was signed)" in result.stdout


def test_verify_names_a_broken_chain(archive):
    _edit_json(archive / "briefings" / "2026-05-12" / "run.json", lambda r: r.update(kernel="x"))
    result = _verify(archive)
    assert result.returncode == 3, result.stdout + result.stderr
    assert "chain: the run record of 2026-05-12 is not the one this record follows" in result.stdout


def test_verify_names_an_edited_ledger_line(archive):
    ledger = archive / "briefings" / "ledger.jsonl"
    lines = ledger.read_bytes().split(b"\n")
    lines[0] = lines[0].replace(b'"finished": "', b'"finished": "1', 1)
    ledger.write_bytes(b"\n".join(lines))
    result = _verify(archive)
    assert result.returncode == 3, result.stdout + result.stderr
    assert "ledger.jsonl line 2: does not follow line 1 (line 1 was edited" in result.stdout


def test_verify_says_the_code_changed(archive, tmp_path):
    """The code at another commit, counting differently: verify names the commit and figure.

    The counting rule is changed for the re-render only (a `sitecustomize` module narrows
    'stuck' to red), and git is pointed at a throwaway repository, so the commit verify sees
    now is not the recorded one, as after a checkout of other code.
    """
    patch, repo = tmp_path / "patch", tmp_path / "other-code"
    patch.mkdir()
    (patch / "sitecustomize.py").write_text(
        "import boardbrief.sections.action_plan\n"
        "boardbrief.sections.action_plan.STUCK_RATINGS = ('red',)\n",
        encoding="utf-8",
    )
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q",
         "--allow-empty", "-m", "other code"], check=True,
    )  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(patch), "GIT_DIR": str(repo / ".git")}
    result = _verify(archive, "2026-05-12", env=env)
    assert result.returncode == 3, result.stdout + result.stderr
    assert result.stdout.startswith("2026-05-12: not reproduced\n")
    assert "figure actions.stuck: archived 2, now 1" in result.stdout
    recorded = json.loads(
        (archive / "briefings" / "2026-05-12" / "run.json").read_text(encoding="utf-8")
    )["code"]["git_commit"]
    assert f"  - code: recorded commit {recorded[:12]}" in result.stdout
    assert "the environment is the same as the one recorded" in result.stdout
    assert "data: every recorded input file is the same" in result.stdout


@pytest.mark.parametrize("damage", ["missing", "malformed"])
def test_a_missing_or_malformed_run_record_exits_2_clearly(archive, damage):
    path = archive / "briefings" / LATER / "run.json"
    if damage == "missing":
        path.unlink()
    else:
        path.write_text(path.read_text(encoding="utf-8")[:200], encoding="utf-8")
    result = _verify(archive)
    assert result.returncode == 2
    said = "(no run.json)" if damage == "missing" else "cannot be read, so the briefing cannot"
    assert said in result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr


def test_verify_without_ssh_keygen_says_so(archive, tmp_path):
    env = {**os.environ, "PATH": str(Path(sys.executable).parent)}
    result = _verify(archive, LATER, "--allowed-signers", str(archive / "allowed_signers"), env=env)
    assert result.returncode == 2
    assert "need ssh-keygen, which was not found" in result.stderr


@pytest.mark.parametrize("page", ["index.html", f"{LATER}/briefing.html"])
def test_an_index_listing_a_replaced_briefing_and_a_fingerprinted_briefing_pass_the_checks(
    chained, page
):
    """axe (WCAG 2.2 AA), the Nu checker and no script: the new links and front-page lines."""
    from tests.pipeline.browser import (
        describe_axe,
        describe_vnu,
        missing_for_chromium,
        missing_for_vnu,
        open_in_chromium,
        outside_requests,
        require,
        signs_of_script,
        validate_html,
    )

    require(missing_for_chromium())
    require(missing_for_vnu())
    path = chained["out"] / page
    assert "superseded/" in (chained["out"] / "index.html").read_text(encoding="utf-8")
    report = open_in_chromium(path)
    axe = report["withJavaScript"]["axe"]
    assert axe["violations"] == [], "axe-core found:\n" + describe_axe(axe["violations"])
    assert outside_requests(report) == []
    assert signs_of_script(report) == []
    errors = validate_html(path)
    assert errors == [], f"vnu.jar found in {path}:\n" + describe_vnu(errors)
