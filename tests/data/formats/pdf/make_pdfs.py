#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes the small PDF fixtures of tests/api/formats_pdf_test.cpp (run from this folder).

The PDFs are hand-made with the standard Helvetica font, so that the test data needs no PDF
tool: one study with a sidecar, one with only its information dictionary, one damaged.
"""


def pdf(pages, info):
    objects = []  # bodies, numbered from 1

    def add(body):
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    pages_id = len(objects) + 1 + 2 * len(pages) + 1
    kids = []
    for lines in pages:
        stream = b"BT /F1 12 Tf 72 720 Td 16 TL\n"
        for line in lines:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            stream += b"(" + escaped.encode("cp1252") + b") Tj T*\n"
        stream += b"ET"
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] "
                        b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                        % (pages_id, font, content)))
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    assert add(b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) +
               b"] /Count %d >>" % len(kids)) == pages_id
    entries = []
    for key, value in info.items():
        if value.isascii():
            entries.append(b"/" + key.encode() + b" (" + value.encode() + b")")
        else:
            entries.append(b"/" + key.encode() + b" <FEFF" +
                           value.encode("utf-16-be").hex().upper().encode() + b">")
    info_id = add(b"<< " + b" ".join(entries) + b" >>")

    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += (b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objects) + 1, catalog, info_id, xref))
    return out


with open("sidecar_study.pdf", "wb") as f:
    f.write(pdf([["Merit-based recruitment in the civil service",
                  "Competitive examinations replaced appointments by patronage."],
                 ["The probation period lasts six months for every new civil servant."]],
                {"Title": "Draft title that the sidecar replaces", "Producer": "make_pdfs.py"}))
with open("info_only.pdf", "wb") as f:
    f.write(pdf([["Performance appraisal of civil servants in Astana",
                  "Annual appraisal interviews were introduced in 2019."]],
                {"Title": "Оценка служебной деятельности госслужащих",
                 "Author": "Aigerim Sadykova; John Smith",
                 "Keywords": "meritocracy; appraisal interviews",
                 "Subject": "How ministries appraise their staff.",
                 "CreationDate": "D:20200315120000Z"}))
with open("damaged.pdf", "wb") as f:
    f.write(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R\nthis is not a PDF any more\n")
