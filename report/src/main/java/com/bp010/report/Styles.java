package com.bp010.report;

/**
 * The report's stylesheet, inlined: mobile first (360 px and up), tables scroll inside their own box so the page never
 * scrolls sideways, charts take their box's width (SVG viewBox), print-friendly (a page per well, no navigation).
 */
final class Styles {
    private Styles() {
    }

    static String css() {
        return """
                *{box-sizing:border-box}
                html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
                body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1b1b1b;background:#f5f5f2;overflow-wrap:break-word}
                header.top,main,footer{max-width:1320px;margin:0 auto;padding:0 12px}
                header.top{padding-top:12px}
                h1{font-size:1.35rem;margin:0 0 4px}
                h2{font-size:1.15rem;margin:28px 0 8px;padding-bottom:4px;border-bottom:2px solid #d9d9d4}
                h3{font-size:1.05rem;margin:0 0 6px;display:flex;flex-wrap:wrap;gap:6px;align-items:baseline}
                h4{font-size:.95rem;margin:16px 0 6px;color:#333}
                .meta{color:#555;font-size:.85rem;margin:2px 0}
                nav.toc{display:flex;flex-wrap:wrap;gap:6px;margin:10px 0}
                nav.toc a{padding:4px 10px;border-radius:14px;background:#fff;border:1px solid #ccc;text-decoration:none;color:#1b1b1b;font-size:.85rem}
                a{color:#005a8c}
                .tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(140px,1fr));gap:8px}
                .tile{background:#fff;border-radius:8px;padding:8px 12px;box-shadow:0 1px 2px #0002}
                .tile.zero{opacity:.45}
                figure.cardfig{margin:0}
                .tile b{display:block;font-size:1.4rem;font-variant-numeric:tabular-nums}
                .badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:.8rem;font-weight:600}
                ol.exceptions{list-style:none;padding:0;margin:0;counter-reset:exc}
                ol.exceptions>li{background:#fff;border-radius:8px;box-shadow:0 1px 2px #0002;margin:0 0 8px;padding:8px 10px 8px 12px;border-left:6px solid #D9D9D9;counter-increment:exc}
                ol.exceptions>li.k-parted_rod,ol.exceptions>li.k-critical{border-left-color:#D55E00}
                ol.exceptions>li.k-diagnosis,ol.exceptions>li.k-silent{border-left-color:#4D4D4D}
                ol.exceptions>li.k-consistency,ol.exceptions>li.k-data_quality{border-left-color:#CC79A7}
                ol.exceptions>li.k-production,ol.exceptions>li.k-warning{border-left-color:#E69F00}
                .exc-head{display:flex;flex-wrap:wrap;gap:6px;align-items:baseline}
                .exc-head::before{content:counter(exc) ".";font-weight:700;color:#555}
                .exc-head a.well{font-weight:700}
                .kind{font-size:.8rem;color:#444;text-transform:uppercase;letter-spacing:.03em}
                p.why{margin:4px 0 0}
                ul.more{margin:4px 0 0;padding-left:18px;font-size:.88rem;color:#333}
                .sym{display:inline-block;min-width:1.6em;border:1px solid #0003;text-align:center;border-radius:4px;padding:0 3px;font-size:.8rem;margin-right:4px}
                .scroll{overflow-x:auto;max-width:100%;-webkit-overflow-scrolling:touch;background:#fff;border-radius:6px;box-shadow:0 1px 2px #0002}
                table{border-collapse:collapse;font-size:.85rem;width:100%}
                th,td{padding:4px 8px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
                thead th{background:#f0f0ec;font-weight:600;white-space:nowrap}
                td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
                td.nowrap{white-space:nowrap}
                table.matrix{width:auto}
                table.matrix th,table.matrix td{white-space:nowrap;text-align:center;padding:3px 5px}
                table.matrix th.well,table.matrix thead th:first-child{position:sticky;left:0;background:#f0f0ec;z-index:1;text-align:left}
                table.matrix td.cell{font-variant-numeric:tabular-nums;font-size:.8rem;min-width:3.6em;border:1px solid #fff}
                table.matrix td.cell .sym{margin:0;min-width:0;padding:0 1px}
                table.matrix small{font-weight:400;color:#555}
                .legend{display:flex;flex-wrap:wrap;gap:4px 12px;font-size:.8rem;margin:6px 0}
                .legend span{white-space:nowrap}
                .keys{font-size:.78rem;color:#444;margin:6px 0}
                .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:8px}
                .charts.wide{grid-template-columns:repeat(auto-fill,minmax(300px,1fr))}
                svg.chart{display:block;width:100%;height:auto;max-width:100%;background:#fff;border-radius:6px;box-shadow:0 1px 2px #0002}
                svg.field{max-width:900px}
                .ct{font-size:12px;font-weight:600;fill:#1b1b1b}
                .ax{font-size:10px;fill:#555}
                .grid{stroke:#e4e4e0;stroke-width:1}
                .lim{stroke:#7a7a7a;stroke-width:.8}
                .lim.crit{stroke:#333;stroke-dasharray:4 3}
                polyline.series{stroke:#1b1b1b;stroke-width:1.4;stroke-linejoin:round}
                svg.field polyline.series{stroke-width:2}
                rect.bar{fill:#009E73}
                .target{stroke:#D55E00;stroke-width:1.5;stroke-dasharray:6 3}
                polygon.loop{fill:none;stroke-linejoin:round}
                polygon.loop.latest{stroke:#0072B2;stroke-width:2}
                polygon.loop.previous{stroke:#8c8c8c;stroke-width:1;stroke-opacity:.45}
                section.well{background:#fafaf8;border:1px solid #e2e2dc;border-radius:10px;padding:10px;margin:0 0 16px;scroll-margin-top:8px}
                .well-index{display:flex;flex-wrap:wrap;gap:4px;margin:0 0 12px}
                .well-index a{font-size:.8rem;padding:2px 8px;border-radius:10px;text-decoration:none}
                .note{font-size:.8rem;color:#555}
                .ok{color:#00664a;font-weight:600}
                .nodata{background:#fff;border-left:6px solid #E69F00;padding:12px;border-radius:6px}
                div.pump{border:1px dashed #bbb;border-radius:6px;padding:8px;font-size:.85rem;color:#444;background:#fff}
                div.pump.diagnosis{border-style:solid;min-width:0;overflow-wrap:anywhere}
                div.pump .verdict{font-size:1.05rem;font-weight:700;color:#b35900;margin:.3em 0}
                div.pump .verdict.ok{color:#00664a}
                div.pump ul{margin:.3em 0;padding-left:1.2em}
                svg.card.pump polygon.loop.latest{stroke:#D55E00}
                .top-link{font-size:.8rem}
                footer{padding-bottom:24px}
                @media (min-width:900px){body{font-size:15px}h1{font-size:1.6rem}}
                @media print{nav.toc,.top-link,.well-index{display:none}body{background:#fff}
                  section.well{break-before:page;border:0}svg.chart,.scroll,ol.exceptions>li{break-inside:avoid;box-shadow:none}
                  .scroll{overflow:visible}table{font-size:9pt}}
                """ + Tone.styles() + StateStyle.styles();
    }
}
