"""The files in submissions/broken/: what units get wrong, each saying so in a comment.

broken_files gives the files of every round; first_submission_mistakes adds the
mistakes of a first submission (encoding, a Word file, a bare '&', an unfilled
template, a percentage written as a whole number) in the first round only.
"""

import re

from .common import SUB_NS
from .roster import DUPLICATE_OF, MGT, ROUNDS, SVC


def broken_files(rub, rounds_by_id, rnd):
    """(file name, text) of submissions that must be rejected, each saying why."""
    base = rounds_by_id[DUPLICATE_OF]
    year = base.year
    head = '<?xml version="1.0" encoding="UTF-8"?>\n'
    sub_open = '<submission xmlns="%s" rubric="%s" rubric-version="%s">\n' % (SUB_NS, rub.id, rub.version)

    def small(uid, name, region, level, extra, version=None, unit_name_suffix=""):
        so = sub_open if version is None else sub_open.replace('rubric-version="%s"' % rub.version,
                                                               'rubric-version="%s"' % version)
        return (so +
                '  <unit id="%s" region="%s" level="%s" category="%s">%s%s</unit>\n' % (
                    uid, region, level, MGT if name.endswith(MGT) else SVC, name, unit_name_suffix) +
                '  <round id="%s" submitted="%d-%02d-28"/>\n' % (rnd, year, ROUNDS[[x[0] for x in ROUNDS].index(rnd)][2]) +
                '  <response criterion="C1.1" level="B">\n'
                '    <evidence ref="台账/%d/组织保障/领导小组通知.pdf">关于成立机关事务标准化试点工作领导小组的通知</evidence>\n'
                '    <evidence ref="台账/%d/组织保障/试点任务分工表.xlsx">标准化试点工作任务分工及责任清单</evidence>\n'
                '  </response>\n' % (year, year) +
                extra +
                '  <data>\n    <incidents major="0" general="0"/>\n  </data>\n'
                '</submission>\n')

    def comment(zh, en):
        return "<!-- 必须拒收：%s\n     Must be rejected: %s -->\n" % (zh, en)

    files = []
    files.append(("01-not-well-formed.xml", head + comment(
        "XML 格式不良（response 元素未闭合，标签不匹配）。",
        "not well-formed XML (a response element is never closed; tags do not match).") +
        small("GX-BS-01", "百色市机关事务管理局", "广西", "市级",
              '  <response criterion="C1.3" points="2">\n    <note>制度汇编已印发</note>\n')))
    files.append(("02-xxe-external-entity.xml", head + comment(
        "DOCTYPE 声明外部实体（XXE），试图读取 file:///etc/passwd。",
        "the DOCTYPE declares an external entity (XXE) that tries to read file:///etc/passwd.") +
        '<!DOCTYPE submission [\n  <!ENTITY secret SYSTEM "file:///etc/passwd">\n]>\n' +
        small("SC-DZ-01", "达州市机关事务管理局", "四川", "市级", "", unit_name_suffix="&secret;")))
    lol = "".join('  <!ENTITY lol%d "%s">\n' % (k, ("&lol%d;" % (k - 1)) * 10) for k in range(1, 10))
    files.append(("03-billion-laughs.xml", head + comment(
        "实体递归展开（billion laughs），展开后约十亿个字符。",
        "entity expansion bomb (billion laughs): about a billion characters once expanded.") +
        '<!DOCTYPE submission [\n  <!ENTITY lol0 "lol">\n' + lol + ']>\n' +
        small("HN-YY-01", "岳阳市机关事务管理局", "湖南", "市级", "", unit_name_suffix="&lol9;")))
    files.append(("04-unknown-criterion.xml", head + comment(
        "答复了细则中不存在的指标 C7.1。",
        "a response names criterion C7.1, which the rubric does not have.") +
        small("HB-XY-01", "襄阳市机关事务服务中心", "湖北", "市级",
              '  <response criterion="C7.1" level="A">\n'
              '    <evidence ref="台账/%d/其他/党建工作.pdf">机关党建工作总结</evidence>\n  </response>\n' % year)))
    files.append(("05-value-not-a-number.xml", head + comment(
        "value 不是数字（写成“95%”）。",
        'a value is not a number (written "95%").') +
        small("JS-YZ-01", "扬州市机关事务管理局", "江苏", "市级",
              '  <response criterion="C6.1" value="95%%">\n'
              '    <evidence ref="台账/%d/成效与示范/目标完成情况.xlsx">试点目标任务完成情况对照表</evidence>\n  </response>\n' % year)))
    files.append(("06-required-not-applicable.xml", head + comment(
        "必选指标 C2.1（标准体系表，★关键项）被答为不适用，只有可选指标才能作合理缺项。",
        "required criterion C2.1 is answered applicable=\"false\"; only optional criteria may be omitted.") +
        small("SD-YT-01", "烟台市机关事务服务中心", "山东", "市级",
              '  <response criterion="C2.1" applicable="false" reason="标准体系表正在编制中"/>\n')))
    dup = base.submission_xml()
    dup = dup.replace(head, head + comment(
        "与 %s 的自评报告重复（同一单位、同一轮次，按路径字节序在后）。" % DUPLICATE_OF,
        "duplicates the submission of %s (same unit and round, later in path byte order)." % DUPLICATE_OF), 1)
    dup = dup.replace('submitted="%s"' % base.submitted, 'submitted="%s30"' % base.submitted[:8], 1)
    files.append(("07-duplicate-%s.xml" % DUPLICATE_OF, dup))
    files.append(("08-wrong-rubric-version.xml", head + comment(
        "细则版本不符（rubric-version=\"2022.1\"，本轮使用 %s）。" % rub.version,
        "wrong rubric version (rubric-version=\"2022.1\"; this round uses %s)." % rub.version) +
        small("FJ-ZZ-01", "漳州市机关事务管理局", "福建", "市级", "", version="2022.1")))
    if rnd == ROUNDS[0][0]:
        files += first_submission_mistakes(small, comment, head, year, base)
    return files


def deterministic_docx(text):
    """A minimal Word document (.docx, a ZIP archive) with fixed timestamps, as bytes."""
    import io
    import zipfile
    parts = [
        ("[Content_Types].xml",
         '<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="xml" ContentType="application/xml"/></Types>\n'),
        ("word/document.xml",
         '<?xml version="1.0" encoding="UTF-8"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
         '<w:body><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:body></w:document>\n' % text),
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, body in parts:
            info = zipfile.ZipInfo(name, date_time=(2025, 6, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            archive.writestr(info, body.encode("utf-8"))
    return buffer.getvalue()


def first_submission_mistakes(small, comment, head, year, base):
    """The mistakes units make in a first submission (first round only): (name, text or bytes, encoding).

    All but the last are rejected; the percentage written as a whole number is scored, with a warning."""
    files = []
    gbk = head + comment(
        "文件以 GBK/GB18030 编码保存，首行却声明 UTF-8（在 Windows 记事本中“另存为 ANSI”即如此）。",
        "saved in GBK/GB18030 while the first line declares UTF-8 (what saving as ANSI in Windows Notepad does).") + \
        small("GX-YL-01", "玉林市机关事务管理局", "广西", "市级", "")
    files.append(("09-gbk-declared-utf8.xml", gbk, "gb18030"))
    files.append(("10-word-document.xml", deterministic_docx("自评报告（Word 版）"), None))
    files.append(("11-bare-ampersand.xml", head + comment(
        "佐证材料名称中的“&”未写作 &amp;。",
        "an evidence title holds a bare '&', not written &amp;.") +
        small("HN-HY-01", "衡阳市机关事务管理局", "湖南", "市级",
              '  <response criterion="C1.4" level="A">\n'
              '    <evidence ref="台账/%d/组织保障/台账目录.xlsx">办公用房维修 & 改造台账目录</evidence>\n'
              '  </response>\n' % year), "utf-8"))
    template = head + comment(
        "模板未填写就提交：单位编号、轮次、提交日期、单位全称都是空的。",
        "the template sent unfilled: unit id, round, submission date and full name are empty.") + \
        re.sub(r'<round id="[^"]*" submitted="[0-9-]+"', '<round id="" submitted=""', small("", "", "", "", ""), count=1)
    files.append(("12-unfilled-template.xml", template, "utf-8"))
    percent = base.submission_xml()
    percent = re.sub(r'<unit id="[^"]*"', '<unit id="GX-WZ-01"', percent, count=1)
    percent = re.sub(r'>[^<]*</unit>', '>梧州市机关事务管理局</unit>', percent, count=1)
    percent = re.sub(r'(<response criterion="C6.1" value=")[0-9.]+(")', r'\g<1>92\g<2>', percent, count=1)
    assert 'value="92"' in percent
    percent = percent.replace(head, head + (
        "<!-- 不拒收，但有警告：试点目标完成率 92% 写成了 92，应为 0.92；按 92 计会直接得满分。\n"
        "     Accepted with a warning: the goal completion rate 92% is written 92, not 0.92. -->\n"), 1)
    files.append(("13-percent-as-whole-number.xml", percent, "utf-8"))
    return files
