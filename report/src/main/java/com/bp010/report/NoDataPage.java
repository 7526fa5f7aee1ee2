package com.bp010.report;

/** What a report says when its window holds no data: which window, what the database does have, what to do next. */
final class NoDataPage {
    private NoDataPage() {
    }

    static void render(StringBuilder h, ReportModel m, Words w) {
        h.append("<section id=\"nodata\" class=\"nodata\"><h2>").append(Html.esc(w.msg.get("nodata.title")))
                .append("</h2><p>").append(Html.esc(w.msg.get("nodata.window", w.fmt.day(m.window().from()),
                        w.fmt.day(m.window().to())))).append("</p><p>");
        if (m.extent().lastDay() == null) {
            h.append(Html.esc(w.msg.get("nodata.empty")));
        } else {
            h.append(Html.esc(w.msg.get("nodata.extent", w.fmt.day(m.extent().firstDay()),
                    w.fmt.day(m.extent().lastDay()))));
        }
        h.append("</p></section>");
    }
}
