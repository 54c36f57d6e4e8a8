extension ReportSite {
  /// The charts' look in the report: 440 units wide with 13-unit text, so that a chart scaled down to a
  /// 420-pixel phone keeps its smallest labels at 10 pixels or more, and two charts sit side by side on a desk.
  static let chartStyle = ChartStyle(width: 440, fontSize: 13)

  /// The one style sheet of every page: desk (up to 1100 px wide), phone (tables scroll in their box, charts
  /// shrink with the screen) and A4 paper (no forced page breaks, headers repeated, page numbers).
  static let styleSheet = """
    body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;\
    margin:1rem auto;max-width:1100px;padding:0 1rem;color:#1a1a1a;line-height:1.55}
    h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;border-bottom:2px solid #333;padding-bottom:.2rem;\
    margin-top:2rem}h3{font-size:1.05rem}
    .cover{border-bottom:3px double #333;padding-bottom:.4rem;margin-bottom:.6rem}
    .meta{color:#555;margin:.2rem 0}.figures{display:flex;flex-wrap:wrap;gap:1rem;margin:1rem 0}
    .figure{border:1px solid #999;border-radius:6px;padding:.6rem 1rem;min-width:8rem}
    .figure b{display:block;font-size:1.5rem}
    .answers p{margin:.25rem 0}.answers .overview{font-size:1.05rem}
    .answers h2.question{font-size:1.1rem;border:none;margin:.7rem 0 .15rem;padding:0}
    .answers .question::before{content:"▌";color:#1f3a5f}
    ol.exemplars{columns:2 24rem;column-gap:2rem;margin:.3rem 0;padding-left:2rem}
    ol.exemplars li{break-inside:avoid;margin:.05rem 0}
    ul.groups{margin:.3rem 0;padding-left:1.4rem}ul.groups li{margin:.25rem 0}ul.groups a,ol.exemplars a{white-space:nowrap}
    .name{font-weight:bold}.why,.details{color:#444;font-size:.92rem}
    .score{font-variant-numeric:tabular-nums;color:#333}.verdict{font-weight:bold}
    .scroll{overflow-x:auto;max-width:100%;margin:.5rem 0}
    table{border-collapse:collapse;width:100%;font-size:.9rem}
    th,td{border-bottom:1px solid #ccc;padding:.25rem .4rem;text-align:left;vertical-align:top}
    th{background:#eee}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
    .nowrap,td a{white-space:nowrap}td.text{min-width:7em}
    caption{text-align:left;font-weight:bold;padding:.3rem 0}
    .robust{font-weight:bold}
    .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,440px),1fr));gap:1rem 2rem;\
    margin-top:1.5rem}
    svg{max-width:100%;height:auto}a{color:#0645ad}figure{margin:0;min-width:0}figcaption{font-weight:bold;\
    margin:.5rem 0}
    nav{margin:.4rem 0}nav a{margin-right:1rem;font-weight:bold}.verdicts p{margin:.4rem 0}
    .note{border-left:4px solid #333;background:#f2f2f2;padding:.4rem .8rem;margin:.6rem 0}
    .explain li{margin:.2rem 0}
    @media (max-width:600px){body{margin:.6rem auto;padding:0 .6rem;line-height:1.45;font-size:15px}
    h1{font-size:1.2rem}h2{font-size:1.1rem;margin-top:1.4rem}.answers .overview{font-size:1rem}
    ol.exemplars{padding-left:1.7rem;font-size:.94rem;line-height:1.4}.why,.details{font-size:.87rem}
    ol.exemplars .score{display:none}
    table.cards,table.cards tbody,table.cards tr,table.cards td{display:block}table.cards thead{display:none}
    table.cards tr{border-bottom:1px solid #ccc;padding:.3rem 0}
    table.cards td{border:none;padding:.05rem .2rem;text-align:left;min-width:0;white-space:normal}
    table.cards td::before{content:attr(data-label) " ";color:#555;font-size:.87rem}
    table.cards td.num{display:inline-block;margin-right:.9rem}table.cards td:empty{display:none}
    table.cards td:first-child{font-weight:bold}
    .figure{min-width:6rem;padding:.4rem .6rem}.figure b{font-size:1.2rem}}
    @media print{@page{size:A4;margin:14mm 12mm 16mm;\
    @bottom-center{content:counter(page) " / " counter(pages);font-size:9pt;color:#555}}
    body{margin:0;max-width:none;padding:0;font-size:10pt;line-height:1.4}
    h2{margin-top:1rem;break-after:avoid}h3,figcaption,caption{break-after:avoid}
    tr,svg,figure,.figure,.note,ol.exemplars li,ul.groups li{break-inside:avoid}
    nav{display:none}.scroll{overflow:visible}table{font-size:8.5pt}th,td{padding:.1rem .3rem}
    .charts{grid-template-columns:1fr 1fr}
    thead{display:table-header-group}a{color:inherit;text-decoration:none}}
    """
}
