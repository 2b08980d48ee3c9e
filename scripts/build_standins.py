"""Build the stand-in PDF of sources/dhs-oig-24-46.yaml: sources/documents/dhs-oig-24-46.pdf.

No machine here can download the original (OIG-24-46, an 18-page management alert; its URL
is in the source file), and the project does not copy other people's text wholesale. So
the stand-in is written by us: laid out like the original (a cover and front matter with
roman page labels, then the body numbered from 1, a running footer), with the audit's
figures and the short phrases the source file quotes, which are the facts under test. Its
first lines say it is a stand-in.

Run from the repository root after changing it (reportlab, a test-only dependency):

    python scripts/build_standins.py

The built PDF is committed, so that a fresh clone checks without building. reportlab
writes the same bytes for the same input (invariant mode), so the sha256 in the source
file stays valid.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import letter
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "sources" / "documents" / "dhs-oig-24-46.pdf"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")

NOTICE = [
    "STAND-IN DOCUMENT written for the factcheck project, not the original.",
    "It is laid out like DHS OIG management alert OIG-24-46 (August 19, 2024) and",
    "carries its figures and the short phrases quoted in sources/dhs-oig-24-46.yaml.",
    "The original: https://www.oig.dhs.gov/sites/default/files/assets/2024-08/OIG-24-46-Aug24.pdf",
]

# (heading, paragraphs); each paragraph a list of printed lines.
PAGES: list[tuple[str, list[list[str]]]] = [
    (
        "Management Alert - ICE Cannot Monitor All Unaccompanied Migrant Children",
        [
            NOTICE,
            ["Released from DHS and U.S. Department of Health and Human Services' Custody"],
            ["OIG-24-46", "August 19, 2024"],
        ],
    ),
    (
        "Memorandum",
        [
            [
                "This management alert informs you of an urgent issue we found during an",
                "ongoing audit: ICE cannot always monitor the location and status of",
                "unaccompanied migrant children (UCs) released from DHS and HHS custody.",
            ],
        ],
    ),
    ("Table of Contents", [["Background 1", "Results of Review 2", "Recommendations 4"]]),
    (
        "Background",
        [
            [
                "When DHS apprehends an unaccompanied child, the child is transferred to HHS:",
                "ICE hands the child to the custody of HHS' Office of Refugee Resettlement (ORR),",
                "which places the child in a shelter or releases the child to a sponsor. From",
                "FY 2019 through FY 2023,",
                "ICE transferred more than 448,000 UCs to HHS. These children were transferred",
                "to the Office of Refugee Resettlement while their immigration cases proceed.",
            ],
        ],
    ),
    (
        "Results of Review",
        [
            [
                "ICE did not serve Notices to Appear on more than 291,000 UCs, who remain",
                "without scheduled court dates and outside the formal immigration process.",
            ],
            [
                "ICE data shows that more than 32,000 UCs failed to appear for their court",
                "hearings from FY 2019 through FY 2023. ICE was not able to account for the",
                "location of all UCs who were released by HHS and did not appear as scheduled",
                "in immigration court.",
            ],
        ],
    ),
    (
        "Results of Review (continued)",
        [
            [
                "Similarly, when ICE does not share information with HHS regarding UCs who did",
                "not appear for hearings, HHS personnel are unable to determine if UCs need",
                "wellness checks or post-release services for individuals at an increased risk",
                "of being trafficked.",
            ],
            [
                "Without an ability to monitor the location and status of UCs, ICE has no",
                "assurance UCs are safe from trafficking, exploitation, or forced labor.",
            ],
        ],
    ),
    (
        "Recommendations",
        [
            [
                "We recommend that ICE develop a process to share information with HHS about",
                "UCs who do not appear for immigration court hearings.",
            ],
        ],
    ),
]
FRONT_PAGES = 3  # labelled i, ii, iii; the body is numbered from 1


def build(target: Path = TARGET) -> Path:
    pdfmetrics.registerFont(TTFont("DejaVu", str(FONT)))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(BOLD)))
    canvas = Canvas(str(target), pagesize=letter, invariant=1)
    canvas.setTitle("OIG-24-46 (stand-in)")
    canvas.setAuthor("factcheck project (stand-in)")
    canvas.addPageLabel(0, style="ROMAN_LOWER", start=1)
    canvas.addPageLabel(FRONT_PAGES, style="ARABIC", start=1)
    width, height = letter
    for index, (heading, paragraphs) in enumerate(PAGES):
        if index:  # the running header, on every page but the cover
            canvas.setFont("DejaVu", 8)
            canvas.drawString(72, height - 40, "OFFICE OF INSPECTOR GENERAL")
            canvas.drawRightString(width - 72, height - 40, "Department of Homeland Security")
        canvas.setFont("DejaVu-Bold", 13)
        canvas.drawString(72, height - 80, heading)
        y = height - 110
        canvas.setFont("DejaVu", 11)
        for paragraph in paragraphs:
            for line in paragraph:
                canvas.drawString(72, y, line)
                y -= 15
            y -= 10
        label = _roman(index + 1) if index < FRONT_PAGES else str(index - FRONT_PAGES + 1)
        canvas.setFont("DejaVu", 8)
        canvas.drawString(72, 40, "www.oig.dhs.gov")
        canvas.drawCentredString(width / 2, 40, label)
        canvas.drawRightString(width - 72, 40, "OIG-24-46")
        canvas.showPage()
    canvas.save()
    return target


def _roman(number: int) -> str:
    return {1: "i", 2: "ii", 3: "iii", 4: "iv"}[number]


if __name__ == "__main__":
    print(build())
