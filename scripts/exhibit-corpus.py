#!/usr/bin/python3
"""Generate the real-world exhibit corpus that spokit's exhibit tests read.

Usage: exhibit-corpus.py OUTDIR [--scale]

Every file is made here, from ordinary tools (qpdf, ghostscript, LibreOffice, img2pdf,
exiftool, Pillow) or written by hand where a tool cannot make the case (a
hybrid cross-reference file, an incremental update), so nothing large is
kept in the repository. --scale adds the heavy files: a 12,000 x 12,000 PNG
and a PDF of about 90 MB.

All names, numbers and places are fictional.
"""
import os
import random
import subprocess
import sys
import zlib

from PIL import Image, ImageDraw

OUT = sys.argv[1]
SCALE = "--scale" in sys.argv[2:]
os.makedirs(OUT, exist_ok=True)


def path(name):
    return os.path.join(OUT, name)


def run(*args):
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stream(dict_body, data):
    return b"<<" + dict_body + b" /Length %d>>\nstream\n" % len(data) + data + b"\nendstream"


def write_pdf(name, objects, root=1, trailer_extra=b""):
    """Write objects (bodies, numbered from 1) with a classic xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<</Size %d /Root %d 0 R%s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, trailer_extra, xref)
    with open(path(name), "wb") as f:
        f.write(out)
    return bytes(out)


HELV = b"<</Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding>>"


def text_ops(lines, size=14, x=72, y=720):
    """Text in the default colour: no colour operator at all."""
    ops = b"BT /F1 %d Tf %d %d Td %d TL\n" % (size, x, y, size + 6)
    for line in lines:
        ops += b"(" + line.encode("latin-1") + b") Tj T*\n"
    return ops + b"ET\n"


# plain.pdf: one page of text in the default colour (prints black).
write_pdf("plain.pdf", [
    b"<</Type /Catalog /Pages 2 0 R>>",
    b"<</Type /Pages /Kids [3 0 R] /Count 1>>",
    b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources <</Font <</F1 4 0 R>>>> /Contents 5 0 R>>",
    HELV,
    stream(b"", text_ops(["Plain exhibit page from the phone company", "Account holder Morgan Example", "Calls listed below"], 20)
           + b"0 0 0 rg 72 400 451 200 re f\n"),
])

# inherited.pdf: resources, box and rotation set on the page tree only.
write_pdf("inherited.pdf", [
    b"<</Type /Catalog /Pages 2 0 R>>",
    b"<</Type /Pages /Kids [3 0 R 6 0 R] /Count 2 /Resources <</Font <</F1 4 0 R>>>> /MediaBox [0 0 595 842]>>",
    b"<</Type /Page /Parent 2 0 R /Contents 5 0 R>>",
    HELV,
    stream(b"", text_ops(["Inherited fonts still print", "Second line of the statement"], 20)),
    b"<</Type /Page /Parent 2 0 R /Contents 7 0 R /MediaBox [0 0 842 595]>>",
    stream(b"", text_ops(["Landscape page of the bank statement", "Balance carried forward"], 20, 72, 500)),
])

# rotated.pdf: /Rotate 90 and a crop box inside an offset media box.
write_pdf("rotated.pdf", [
    b"<</Type /Catalog /Pages 2 0 R>>",
    b"<</Type /Pages /Kids [3 0 R] /Count 1>>",
    b"<</Type /Page /Parent 2 0 R /MediaBox [-20 -20 632 812] /CropBox [0 0 612 792] /Rotate 90"
    b" /Resources <</Font <</F1 4 0 R>>>> /Contents 5 0 R>>",
    HELV,
    stream(b"", text_ops(["Scanned sideways letter from the landlord", "Dated the first of March"], 20)),
])

# annots.pdf: a filled form field, a stamp, a black box and a hidden note.
ap_field = stream(b"/Type /XObject /Subtype /Form /BBox [0 0 200 20] /Resources <</Font <</F1 4 0 R>>>>",
                  b"/Tx BMC BT /F1 12 Tf 2 5 Td (Filled value Riverside) Tj ET EMC")
ap_stamp = stream(b"/Type /XObject /Subtype /Form /BBox [0 0 100 40] /Matrix [1 0 0 1 0 0] /Resources <</Font <</F1 4 0 R>>>>",
                  b"1 0 0 RG 2 w 2 2 96 36 re S BT 1 0 0 rg /F1 14 Tf 10 14 Td (RECEIVED) Tj ET")
ap_box = stream(b"/Type /XObject /Subtype /Form /BBox [0 0 10 10]", b"0 g 0 0 10 10 re f")
ap_hidden = stream(b"/Type /XObject /Subtype /Form /BBox [0 0 100 20] /Resources <</Font <</F1 4 0 R>>>>",
                   b"BT /F1 12 Tf 2 5 Td (HIDDENNOTE) Tj ET")
write_pdf("annots.pdf", [
    b"<</Type /Catalog /Pages 2 0 R /AcroForm <</Fields [6 0 R]>>>>",
    b"<</Type /Pages /Kids [3 0 R] /Count 1>>",
    b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources <</Font <</F1 4 0 R>>>> /Contents 5 0 R"
    b" /Annots [6 0 R 8 0 R 10 0 R 12 0 R]>>",
    HELV,
    stream(b"", text_ops(["Form filled in by the witness", "Name of street", "", "", "Text under the black box"], 16)),
    b"<</Type /Annot /Subtype /Widget /FT /Tx /T (street) /V (Filled value Riverside) /Rect [250 690 450 710] /F 4 /P 3 0 R /AP <</N 7 0 R>>>>",
    ap_field,
    b"<</Type /Annot /Subtype /Stamp /Rect [400 500 500 540] /F 4 /AP <</N 9 0 R>>>>",
    ap_stamp,
    b"<</Type /Annot /Subtype /Square /Rect [60 620 300 645] /F 4 /AP <</N 11 0 R>>>>",
    ap_box,
    b"<</Type /Annot /Subtype /FreeText /Rect [72 300 300 320] /F 6 /AP <</N 13 0 R>>>>",
    ap_hidden,
])

# hidden-text.pdf: text a reader does not see but a file carries: white on
# white, an invisible recognised-text layer as scanners write, text under a
# black box, outside the crop box, and inside a form XObject.
write_pdf("hidden-text.pdf", [
    b"<</Type /Catalog /Pages 2 0 R>>",
    b"<</Type /Pages /Kids [3 0 R] /Count 1>>",
    b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /CropBox [0 0 595 800]"
    b" /Resources <</Font <</F1 4 0 R>> /XObject <</Fm1 6 0 R>>>> /Contents 5 0 R>>",
    HELV,
    stream(b"", text_ops(["Visible heading of the scan"], 16)
           + b"BT 1 1 1 rg /F1 12 Tf 72 600 Td (WhiteOnWhite 7 Elm Row) Tj ET\n"
           + b"BT 3 Tr /F1 12 Tf 72 580 Td (InvisibleOcrLayer) Tj ET\n"
           + b"BT 0 g /F1 12 Tf 72 560 Td (UnderTheBox) Tj ET 0 g 70 555 120 20 re f\n"
           + b"BT /F1 12 Tf 72 820 Td (AboveTheCropBox) Tj ET\n"
           + b"q 1 0 0 1 72 500 cm /Fm1 Do Q\n"),
    stream(b"/Type /XObject /Subtype /Form /BBox [0 0 300 40] /Resources <</Font <</F1 4 0 R>>>>",
           b"BT /F1 12 Tf 0 10 Td [(Inside)-250(a)-250(form)] TJ ET"),
])

# incremental.pdf: an update replaces the page's text; the removed words
# must reach no output.
base = write_pdf("incremental-base.pdf", [
    b"<</Type /Catalog /Pages 2 0 R>>",
    b"<</Type /Pages /Kids [3 0 R] /Count 1>>",
    b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources <</Font <</F1 4 0 R>>>> /Contents 5 0 R>>",
    HELV,
    stream(b"", text_ops(["Letter as first written", "REMOVEDSECRET 14 Hidden Lane"], 20)),
])
os.remove(path("incremental-base.pdf"))
prev = int(base.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
update = bytearray()
off = len(base)
body = b"5 0 obj\n" + stream(b"", text_ops(["Letter as finally sent", "Address withheld"], 20)) + b"\nendobj\n"
update += body
xref = off + len(update)
update += b"xref\n0 1\n0000000000 65535 f \n5 1\n%010d 00000 n \n" % off
update += b"trailer\n<</Size 6 /Root 1 0 R /Prev %d>>\nstartxref\n%d\n%%%%EOF\n" % (prev, xref)
with open(path("incremental.pdf"), "wb") as f:
    f.write(base + update)

# hybrid.pdf: the font is only in an object stream that only the
# cross-reference stream (/XRefStm) lists; a reader that ignores it loses
# the text.
objs = [
    b"<</Type /Catalog /Pages 2 0 R>>",
    b"<</Type /Pages /Kids [3 0 R] /Count 1>>",
    b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources <</Font <</F1 4 0 R>>>> /Contents 5 0 R>>",
    None,  # 4: in the object stream
    stream(b"", text_ops(["Hybrid cross reference file", "Text needs the compressed font"], 20)),
]
head = b"4 0 "
objstm_data = head + HELV
objs.append(stream(b"/Type /ObjStm /N 1 /First %d" % len(head), objstm_data))  # 6
out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
offsets = {}
for i, body in enumerate(objs, 1):
    if body is None:
        continue
    offsets[i] = len(out)
    out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
rows = b""
for i in range(8):
    if i == 0:
        rows += bytes([0, 0, 0, 0, 0xff, 0xff])
    elif i == 4:
        rows += bytes([2, 0, 0, 6, 0, 0])
    elif i in offsets:
        rows += bytes([1]) + offsets[i].to_bytes(3, "big") + bytes([0, 0])
    else:  # 7: the stream itself
        rows += bytes([1]) + len(out).to_bytes(3, "big") + bytes([0, 0])
xs_off = len(out)
data = zlib.compress(rows)
out += b"7 0 obj\n" + stream(b"/Type /XRef /Size 8 /W [1 3 2] /Filter /FlateDecode", data) + b"\nendobj\n"
xref = len(out)
# As Word writes them: the compressed object is left out of the table.
offsets[7] = xs_off
out += b"xref\n0 4\n0000000000 65535 f \n"
for i in range(1, 4):
    out += b"%010d 00000 n \n" % offsets[i]
out += b"5 3\n"
for i in range(5, 8):
    out += b"%010d 00000 n \n" % offsets[i]
out += b"trailer\n<</Size 8 /Root 1 0 R /XRefStm %d>>\nstartxref\n%d\n%%%%EOF\n" % (xs_off, xref)
with open(path("hybrid.pdf"), "wb") as f:
    f.write(out)

# noise.pdf: annots.pdf grown past 64 KB by a picture of noise, so that
# qpdf's cross-reference stream needs /Columns 5 with its PNG predictor.
random.seed(13)
noise = bytes(random.getrandbits(8) for _ in range(160 * 160 * 3))
write_pdf("noise-src.pdf", [
    b"<</Type /Catalog /Pages 2 0 R>>",
    b"<</Type /Pages /Kids [3 0 R] /Count 1 /Resources <</Font <</F1 4 0 R>> /XObject <</Im1 6 0 R>>>>>>",
    b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R>>",
    HELV,
    stream(b"", text_ops(["Object streams with a predictor", "Written the way qpdf writes"], 20) + b"q 200 0 0 200 72 300 cm /Im1 Do Q\n"),
    stream(b"/Type /XObject /Subtype /Image /Width 160 /Height 160 /ColorSpace /DeviceRGB /BitsPerComponent 8", noise),
])
run("qpdf", "--object-streams=generate", "--compress-streams=y", path("noise-src.pdf"), path("objstm.pdf"))
os.remove(path("noise-src.pdf"))

# Encrypted copies as banks and phone companies send them.
run("qpdf", "--encrypt", "", "owner-secret", "256", "--print=full", "--modify=none", "--", path("plain.pdf"), path("owner-aes256.pdf"))
run("qpdf", "--allow-weak-crypto", "--encrypt", "", "owner-secret", "128", "--use-aes=n", "--print=full", "--", path("plain.pdf"), path("owner-rc4.pdf"))
run("qpdf", "--encrypt", "user-secret", "owner-secret", "256", "--", path("plain.pdf"), path("user-password.pdf"))

# ghostscript's rewrite, as a print-to-PDF driver would produce.
run("gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", "-sOutputFile=" + path("ghostscript.pdf"), path("annots.pdf"))

# LibreOffice's export of a plain document, as a witness's word processor
# would produce; a profile of its own so no desktop session is touched.
with open(path("libreoffice.txt"), "w", encoding="utf-8") as f:
    f.write("Letter left on the windscreen\n\nI know where you park every morning.\nTŷ Newydd café £12.50 – Welsh ŵ ŷ\n")
run("soffice", "-env:UserInstallation=file://" + path("lo-profile"), "--headless", "--convert-to", "pdf", "--outdir", OUT, path("libreoffice.txt"))


# Pictures: an upright scene, red block top left, blue bar along the bottom.
def upright(w=240, h=160):
    im = Image.new("RGB", (w, h), "white")
    d = ImageDraw.Draw(im)
    d.rectangle([0, 0, w // 3, h // 3], fill=(220, 0, 0))
    d.rectangle([0, h - h // 6, w - 1, h - 1], fill=(0, 0, 200))
    return im


upright().save(path("upright.png"))
for orient, transpose in [(6, Image.Transpose.ROTATE_90), (8, Image.Transpose.ROTATE_270), (3, Image.Transpose.ROTATE_180)]:
    stored = upright().transpose(transpose)
    exif = Image.Exif()
    exif[0x0112] = orient
    stored.save(path("orient%d.jpg" % orient), quality=95, exif=exif.tobytes())
run("exiftool", "-q", "-overwrite_original", "-GPSLatitude=51.501", "-GPSLatitudeRef=N", "-GPSLongitude=0.142",
    "-GPSLongitudeRef=W", "-Artist=Morgan Example", "-XMP:Creator=Morgan Example", "-Comment=private note", path("orient6.jpg"))
with open(path("orient6.jpg"), "rb") as f:
    whole = f.read()
with open(path("truncated.jpg"), "wb") as f:
    f.write(whole[: len(whole) * 2 // 3])
run("img2pdf", "-o", path("photo-in-pdf.pdf"), path("orient6.jpg"))
upright().save(path("scan.tif"), compression="tiff_lzw")
second = Image.new("L", (200, 280), 255)
ImageDraw.Draw(second).rectangle([0, 0, 60, 60], fill=0)
upright().save(path("scan-2pages.tif"), compression="tiff_deflate", save_all=True, append_images=[second])

# metadata.pdf: the GPS-tagged photo as a DCTDecode picture, with XMP
# metadata on the page and the picture, as phone scanning apps write.
with open(path("orient6.jpg"), "rb") as f:
    photo = f.read()
xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>Morgan Example XMP</dc:creator></x:xmpmeta>'
write_pdf("metadata.pdf", [
    b"<</Type /Catalog /Pages 2 0 R /Metadata 6 0 R>>",
    b"<</Type /Pages /Kids [3 0 R] /Count 1>>",
    b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Metadata 6 0 R"
    b" /Resources <</Font <</F1 4 0 R>> /XObject <</Im1 7 0 R>>>> /Contents 5 0 R>>",
    HELV,
    stream(b"", text_ops(["Scanned by a phone app"], 16) + b"q 160 0 0 240 72 400 cm /Im1 Do Q\n"),
    stream(b"/Type /Metadata /Subtype /XML", xmp),
    stream(b"/Type /XObject /Subtype /Image /Width 160 /Height 240 /ColorSpace /DeviceRGB /BitsPerComponent 8"
           b" /Filter /DCTDecode /Metadata 6 0 R", photo),
])
with open(path("photo.heic"), "wb") as f:
    f.write(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(64))
im = Image.new("RGB", (6000, 4500), "white")
ImageDraw.Draw(im).rectangle([0, 0, 2000, 1500], fill=(220, 0, 0))
im.save(path("large.png"))

if SCALE:
    im = Image.new("RGB", (12000, 12000), "white")
    ImageDraw.Draw(im).rectangle([0, 0, 4000, 4000], fill=(220, 0, 0))
    im.save(path("huge.png"))
    # About 90 MB: 200 pages, each with a picture of noise.
    pages, objs = [], [b"<</Type /Catalog /Pages 2 0 R>>", None, HELV]
    for p in range(200):
        n = len(objs)
        pic = bytes(random.getrandbits(8) for _ in range(300 * 500 * 3))
        objs.append(b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources <</Font <</F1 3 0 R>> /XObject <</Im1 %d 0 R>>>> /Contents %d 0 R>>" % (n + 3, n + 2))
        objs.append(stream(b"", text_ops(["Bulk statement page %d" % (p + 1)], 20) + b"q 450 0 0 600 72 100 cm /Im1 Do Q\n"))
        objs.append(stream(b"/Type /XObject /Subtype /Image /Width 300 /Height 500 /ColorSpace /DeviceRGB /BitsPerComponent 8", pic))
        pages.append(b"%d 0 R" % (n + 1))
    objs[1] = b"<</Type /Pages /Kids [" + b" ".join(pages) + b"] /Count %d>>" % len(pages)
    write_pdf("big.pdf", objs)
