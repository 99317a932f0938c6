"""Bulk import with images (issue 11, item 9): a CSV's images and alt_texts columns, and draft
packages (a folder or a zip with the JSON and the image files) through the real CLI."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from studio.cli import main
from studio.errors import UsageError
from studio.library import Library

HEADER = "client,text,networks,images,alt_texts\n"


def _photos(folder: Path) -> list[Path]:
    (folder / "photos").mkdir(parents=True)
    made = []
    for name, colour in (("beans.jpg", (120, 70, 30)), ("cup.png", (240, 240, 230)), ("shop.jpg", (20, 90, 160))):
        path = folder / "photos" / name
        Image.new("RGB", (64, 48), colour).save(path)
        made.append(path)
    return made


def _ids(library: Library) -> list[int]:
    return [int(row[0]) for row in library.query("SELECT id FROM drafts ORDER BY id")]


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_csv_images_go_into_the_asset_store_in_order_with_their_alt_texts(library: Library, tmp_path: Path) -> None:
    beans, cup, shop = _photos(tmp_path)
    csv_path = tmp_path / "posts.csv"
    csv_path.write_text(HEADER + "Senja,Biji kopi baru,instagram,photos/beans.jpg | photos/cup.png,Beans|A cup\n"
                        "Senja,Toko kami,x,photos/shop.jpg,\n"
                        "Senja,Tanpa foto,x,,\n", encoding="utf-8")
    assert library.import_file(csv_path).drafts == 3
    drafts = [library.get_draft(i) for i in _ids(library)]
    first = sorted(drafts[0].assets, key=lambda a: a.position)
    assert [(a.sha, a.alt_text) for a in first] == [
        (library.add_asset(beans).sha, "Beans"), (library.add_asset(cup).sha, "A cup")]
    assert library.asset_path(first[0].sha).read_bytes() == beans.read_bytes()
    assert [(a.sha, a.alt_text) for a in drafts[1].assets] == [(library.add_asset(shop).sha, "")]
    assert drafts[2].assets == ()


@pytest.mark.parametrize(("cell", "said"), [
    ("photos/missing.jpg", "line 3, column 4 (images): the image “photos/missing.jpg” does not exist"),
    ("photos/notes.jpg", "line 3, column 4 (images): the image “photos/notes.jpg” cannot be read as an image"),
])
def test_a_missing_or_unreadable_image_names_its_line_and_column_and_imports_nothing(
    library: Library, tmp_path: Path, cell: str, said: str
) -> None:
    _photos(tmp_path)
    (tmp_path / "photos" / "notes.jpg").write_text("not a photo", encoding="utf-8")
    csv_path = tmp_path / "posts.csv"
    csv_path.write_text(HEADER + "Senja,Fine,x,photos/beans.jpg,Beans\n" + f"Senja,Broken,x,{cell},\n",
                        encoding="utf-8")
    with pytest.raises(UsageError) as raised:
        library.import_file(csv_path)
    assert said in raised.value.message and "Nothing from this file was imported" in raised.value.hint
    assert _ids(library) == [] and library.list_clients() == []
    assert library.query("SELECT count(*) FROM assets")[0][0] == 0


def test_more_alt_texts_than_images_is_refused(library: Library, tmp_path: Path) -> None:
    _photos(tmp_path)
    csv_path = tmp_path / "posts.csv"
    csv_path.write_text(HEADER + "Senja,One photo,x,photos/beans.jpg,One|Two\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"line 2, column 5 \(alt_texts\): 2 alt texts for 1 image"):
        library.import_file(csv_path)


@pytest.mark.parametrize("kind", ["folder", "zip"])
def test_export_with_images_reads_back_whole(
    capsys: pytest.CaptureFixture[str], library_dir: Path, tmp_path: Path, kind: str
) -> None:
    _photos(tmp_path)
    csv_path = tmp_path / "posts.csv"
    csv_path.write_text(HEADER + "Senja,Biji kopi baru,instagram,photos/beans.jpg|photos/cup.png,Beans|A cup\n",
                        encoding="utf-8")
    lib = ["--library", str(library_dir)]
    assert _run(capsys, "drafts", "import", str(csv_path), *lib)[0] == 0
    with Library.open(library_dir) as source:
        sha = source.get_draft(_ids(source)[0]).assets[0].sha
        source.set_focal_point(sha, 0.25, 0.75)
    package = tmp_path / ("package.zip" if kind == "zip" else "package")
    code, _, err = _run(capsys, "drafts", "export", "--with-images", str(package), *lib)
    assert code == 0 and "Exported 1 draft" in err
    names = (zipfile.ZipFile(package).namelist() if kind == "zip"
             else [str(p.relative_to(package)) for p in package.rglob("*") if p.is_file()])
    assert "drafts.json" in names and sum(name.startswith("assets/") for name in names) == 2

    other = tmp_path / "other"
    code, out, _ = _run(capsys, "drafts", "import", str(package), "--library", str(other))
    assert code == 0 and "Imported 1 draft" in out
    with Library.open(other) as copy:
        draft = copy.get_draft(_ids(copy)[0])
        attached = sorted(draft.assets, key=lambda a: a.position)
        assert [a.alt_text for a in attached] == ["Beans", "A cup"]
        assert copy.asset_path(attached[0].sha).read_bytes() == (tmp_path / "photos" / "beans.jpg").read_bytes()
        assert (copy.get_asset(sha).focal_x, copy.get_asset(sha).focal_y) == (0.25, 0.75)


def test_a_package_with_a_missing_or_damaged_image_imports_nothing(library: Library, tmp_path: Path) -> None:
    from studio.library.packages import export_package

    _photos(tmp_path)
    csv_path = tmp_path / "posts.csv"
    csv_path.write_text(HEADER + "Senja,Kopi,x,photos/beans.jpg,Beans\n", encoding="utf-8")
    library.import_file(csv_path)
    package = tmp_path / "package"
    export_package(library, package)
    image = next((package / "assets").iterdir())
    image.write_bytes(image.read_bytes()[:-10])
    with Library.open(tmp_path / "other") as other:
        with pytest.raises(UsageError, match="is damaged"):
            other.import_file(package)
        image.unlink()
        with pytest.raises(UsageError, match="is missing"):
            other.import_file(package)
        assert _ids(other) == []
    assert json.loads((package / "drafts.json").read_text(encoding="utf-8"))["drafts"][0]["text"] == "Kopi"
