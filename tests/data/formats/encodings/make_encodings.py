#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes the encoding fixtures of tests/api/formats_encoding_test.cpp (run from this folder):
one small document per format in UTF-16, windows-1251 and KOI8-R as declared, one TEI file in
windows-1251 that declares nothing (detected), and one file whose bytes fit no encoding."""

TEI = """<?xml version="1.0"{decl}?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="ENC-TEI-{tag}" xml:lang="ru">
  <teiHeader>
    <fileDesc>
      <titleStmt><title type="main">Заседание комиссии по государственной службе</title></titleStmt>
    </fileDesc>
    <profileDesc>
      <particDesc>
        <listPerson>
          <person xml:id="ИвановПётр"><persName><forename>Пётр</forename><surname>Иванов</surname></persName></person>
        </listPerson>
      </particDesc>
      <settingDesc><setting><name type="city">Астана</name><name type="country" key="KZ">Казахстан</name><date when="2018-04-12"/></setting></settingDesc>
    </profileDesc>
  </teiHeader>
  <text><body><div>
    <u who="#ИвановПётр">
      <seg>Уважаемые коллеги, сегодня мы обсуждаем ротацию руководителей {tag} и аттестацию служащих.</seg>
      <seg>Ротация кадров должна проходить открыто, а результаты аттестации публиковаться ежегодно.</seg>
    </u>
  </div></body></text>
</TEI>
"""

JATS = """<?xml version="1.0"{decl}?>
<article xml:lang="ru" dtd-version="1.1">
  <front><article-meta>
    <article-id pub-id-type="doi">10.9999/enc.{tag}</article-id>
    <title-group><article-title>Цифровое правительство и ротация кадров {tag}</article-title></title-group>
    <contrib-group><contrib contrib-type="author"><name><surname>Петрова</surname><given-names>Анна</given-names></name>
      <aff><institution>Академия государственного управления</institution><country>Казахстан</country></aff></contrib></contrib-group>
    <pub-date pub-type="epub"><year>2022</year></pub-date>
    <kwd-group><kwd>электронное правительство</kwd></kwd-group>
    <abstract><p>Статья о переходе ведомств на электронные услуги.</p></abstract>
  </article-meta></front>
  <body><sec><title>Введение</title><p>Ёмкость реестров государственных услуг выросла вдвое.</p></sec></body>
</article>
"""

OAI = """<?xml version="1.0"{decl}?>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
  <responseDate>2020-01-01T00:00:00Z</responseDate>
  <ListRecords>
    <record><header><identifier>oai:enc.example:{tag}/1</identifier><datestamp>2020-01-01</datestamp></header>
      <metadata><oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <dc:title>Антикоррупционная экспертиза нормативных актов {tag}</dc:title>
        <dc:creator>Сидоров, Иван</dc:creator>
        <dc:date>2019-11-05</dc:date>
        <dc:language>rus</dc:language>
        <dc:coverage>Россия</dc:coverage>
      </oai_dc:dc></metadata></record>
  </ListRecords>
</OAI-PMH>
"""

for name, template in (("tei", TEI), ("jats", JATS), ("oai", OAI)):
    for tag, encoding, decl, bom in (("utf16", "utf-16-le", ' encoding="UTF-16"', b"\xff\xfe"),
                                     ("cp1251", "cp1251", ' encoding="windows-1251"', b""),
                                     ("koi8r", "koi8-r", ' encoding="KOI8-R"', b"")):
        with open(f"{name}_{tag}.xml", "wb") as f:
            f.write(bom + template.format(decl=decl, tag=tag).encode(encoding))

with open("tei_undeclared_cp1251.xml", "wb") as f:
    f.write(TEI.format(decl="", tag="undeclared").encode("cp1251"))

# Bytes that are neither UTF-8 nor anything a detector can name: rejected, never guessed.
with open("undetectable.xml", "wb") as f:
    f.write(b'<?xml version="1.0"?>\n<study id="UNDETECTABLE">\n  <title>ok \x80\x81\xfe\xff\x9d</title>\n'
            b"  <date>2020</date>\n</study>\n")
