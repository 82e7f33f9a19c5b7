/// The report's one style sheet, inside the page: system fonts only (nothing is fetched), colours as variables
/// for the light and dark schemes, and a print style (black on white, one process per page, no backgrounds).
/// The charts' meaning survives greyscale: populations differ in marker shape and line dash, severities carry
/// a shape and a word, and the two bars of a remedy differ in fill as well as in their labels.
enum ReportStyle {
    static let css: StaticString = """
        :root{color-scheme:light dark;--fg:#1b1f24;--muted:#57606a;--bg:#ffffff;--panel:#f6f8fa;--line:#d0d7de;\
        --t:#1f5fa8;--malignant:#b3261e;--car:#6a1b9a;--quiet:#8c959f;--band:#b3261e;--error:#b3261e;--warning:#9a6700;\
        --note:#1f5fa8;--pass:#1a7f37;--bar:#57606a;--after:#1a7f37;--raises:#b3261e;--code:#f6f8fa}
        @media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9da7b3;--bg:#0d1117;--panel:#161b22;--line:#30363d;\
        --t:#79b8ff;--malignant:#ff7b72;--car:#d2a8ff;--quiet:#6e7681;--band:#ff7b72;--error:#ff7b72;--warning:#e3b341;\
        --note:#79b8ff;--pass:#56d364;--bar:#9da7b3;--after:#56d364;--raises:#ff7b72;--code:#161b22}}
        *{box-sizing:border-box}
        body{margin:0 auto;max-width:1000px;padding:1.5rem;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,\
        "Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
        h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.35rem;margin:0 0 .25rem}h3{font-size:1.05rem;margin:1.5rem 0 .5rem}
        a{color:var(--t)}
        .muted,.meta{color:var(--muted)}
        section.process,section.summary,section.rules,section.diff{border-top:2px solid var(--line);margin-top:2rem;padding-top:1rem}
        .verdict{font-weight:600;margin:.5rem 0}
        .verdict .fail{color:var(--error)}.verdict .pass{color:var(--pass)}
        table{border-collapse:collapse;width:100%;font-size:.85rem;margin:.5rem 0}
        th,td{border-bottom:1px solid var(--line);padding:.2rem .45rem;text-align:left;vertical-align:top}
        th{background:var(--panel);font-weight:600}
        td.number,th.number{text-align:right;font-variant-numeric:tabular-nums}td.number{white-space:nowrap}
        dl.figures{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:.5rem 0}
        dl.figures dt{color:var(--muted)}dl.figures dd{margin:0}
        figure{margin:1rem 0}figcaption{font-size:.85rem;color:var(--muted)}
        svg.chart{width:100%;height:auto;display:block;font-size:11px;font-family:inherit}
        svg.sparkline{width:140px;height:30px;vertical-align:middle}
        svg text{fill:var(--fg)}svg .tick,svg .detail{fill:var(--muted)}svg .axis-title{fill:var(--muted)}
        svg .grid line{stroke:var(--line);stroke-width:1}
        svg .series{stroke-width:2;stroke-linejoin:round}
        svg .series.T{stroke:var(--t)}svg .series.malignant{stroke:var(--malignant);stroke-width:3}
        svg .series.car-malignant{stroke:var(--car);stroke-dasharray:7 3;stroke-width:2.5}
        svg .series.quiet{stroke:var(--quiet);stroke-width:1.2;stroke-dasharray:2 3}
        svg .series.base{opacity:.55;stroke-dasharray:3 3}
        svg .band{fill:var(--band);fill-opacity:.16;stroke:none}svg .band.base{fill-opacity:.08}
        svg .marker{stroke:var(--bg);stroke-width:1}
        svg .marker.T{fill:var(--t)}svg .marker.malignant{fill:var(--malignant)}svg .marker.car-malignant{fill:var(--car)}
        svg .marker.quiet{fill:var(--quiet);stroke:var(--quiet);stroke-width:1.2}svg .marker.floor{fill:var(--bg);stroke:var(--muted);stroke-width:1.2}
        svg .marker.base{opacity:.55}
        svg .marker.lambda{fill:var(--car);stroke:var(--fg)}svg .whisker{stroke:var(--car);stroke-width:2}
        svg .label.T{fill:var(--t)}svg .label.malignant{fill:var(--malignant)}svg .label.car-malignant{fill:var(--car)}
        svg .bar{fill:var(--bar)}svg .bar.raises{fill:var(--raises)}
        svg .bar.before{fill:var(--bar)}svg .bar.after{fill:var(--after);fill-opacity:.35;stroke:var(--after);stroke-width:1.5}
        svg .value{fill:var(--muted)}
        ol.findings{list-style:none;padding:0;margin:0}
        ol.findings li{border-left:4px solid var(--line);padding:.4rem .8rem;margin:.6rem 0;background:var(--panel)}
        ol.findings li.error{border-left-color:var(--error)}ol.findings li.warning{border-left-color:var(--warning)}\
        ol.findings li.note{border-left-color:var(--note)}
        .severity{font-weight:700}.severity.error{color:var(--error)}.severity.warning{color:var(--warning)}.severity.note{color:var(--note)}
        .location{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem;color:var(--muted)}
        pre.excerpt{background:var(--code);border:1px solid var(--line);padding:.4rem .6rem;overflow-x:auto;font-size:.82rem;margin:.4rem 0}
        pre.excerpt .caret{color:var(--error);font-weight:700}
        .why,.fix,.related{margin:.15rem 0;font-size:.9rem}
        .tag{font-weight:600}
        table.steps .note{font-weight:400;font-size:.78rem;color:var(--muted);max-width:22rem}
        ul.assumptions{margin:.25rem 0}
        .suppressed{opacity:.75}
        .summary td .sparkline{display:block}.severity.count{white-space:nowrap}
        table.summary th[scope=row]{font-weight:400;background:none}table.summary td{white-space:nowrap}
        .added{color:var(--error)}.removed{color:var(--pass)}
        @media print{:root{--fg:#000;--muted:#333;--bg:#fff;--panel:#fff;--line:#999;--code:#fff}
        body{max-width:none;padding:0;font-size:10.5pt}
        section.process,section.diff{break-before:page;border-top:none}
        figure,table,ol.findings li,pre{break-inside:avoid}
        a{color:inherit;text-decoration:none}}
        """
}
