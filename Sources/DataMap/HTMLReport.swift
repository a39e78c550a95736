import Foundation

extension DataMapReport {
    static func h(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// A horizontal bar chart as inline SVG.
    static func bars(_ rows: [(String, Int)], title: String) -> String {
        guard let maxV = rows.map(\.1).max(), maxV > 0 else { return "" }
        let rowH = 22, labelW = 260, barW = 380
        var s = "<figure><figcaption>\(h(title))</figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(labelW + barW + 70)\" height=\"\(rows.count * rowH + 4)\" aria-label=\"\(h(title))\">"
        for (i, (name, v)) in rows.enumerated() {
            let y = i * rowH + 2
            let w = max(1, Int(Double(barW) * Double(v) / Double(maxV)))
            let shown = name.count > 40 ? "…" + name.suffix(39) : name
            s += "<text x=\"\(labelW - 6)\" y=\"\(y + 15)\" text-anchor=\"end\" class=\"bl\"><title>\(h(name))</title>\(h(shown))</text>"
            s += "<rect x=\"\(labelW)\" y=\"\(y + 3)\" width=\"\(w)\" height=\"\(rowH - 6)\" class=\"bar\"/>"
            s += "<text x=\"\(labelW + w + 5)\" y=\"\(y + 15)\" class=\"bv\">\(v)</text>"
        }
        return s + "</svg></figure>\n"
    }

    static let css = """
    body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1b1f24;background:#fff}
    h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
    h3{font-size:15px;margin:16px 0 6px}.meta{color:#57606a}
    table{border-collapse:collapse;margin:6px 0 12px;font-size:13px}th,td{border:1px solid #d0d7de;padding:3px 7px;text-align:left}
    td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f6f8fa;cursor:pointer;user-select:none}
    th.sorted-asc::after{content:" \\25B2"}th.sorted-desc::after{content:" \\25BC"}
    table.heat td.c{text-align:center;min-width:46px}table.heat th.v{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;vertical-align:bottom}
    .cards{display:flex;gap:10px;flex-wrap:wrap}.card{border:1px solid #d0d7de;border-radius:6px;padding:8px 14px;min-width:110px}
    .card b{display:block;font-size:20px}.card.warn{border-color:#d4a72c;background:#fff8c5}.card.bad{border-color:#cf222e;background:#ffebe9}
    figure{margin:8px 0}figcaption{font-weight:600;margin-bottom:4px}.bar{fill:#0969da}.bl,.bv{font-size:12px;fill:#1b1f24}
    .ok{color:#1a7f37}.flag{color:#cf222e;font-weight:600}
    @media print{body{margin:8mm;font-size:11px}th{cursor:auto}th.sorted-asc::after,th.sorted-desc::after{content:""}
    h2{break-after:avoid}table,figure{break-inside:avoid}.noprint{display:none}
    table.heat td.c{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
    """

    static let js = """
    document.querySelectorAll('table.sortable').forEach(function(t){
      t.querySelectorAll('th').forEach(function(th,i){th.addEventListener('click',function(){
        var body=t.tBodies[0],rows=Array.prototype.slice.call(body.rows),asc=!th.classList.contains('sorted-asc');
        t.querySelectorAll('th').forEach(function(x){x.classList.remove('sorted-asc','sorted-desc')});
        th.classList.add(asc?'sorted-asc':'sorted-desc');
        rows.sort(function(a,b){var x=a.cells[i].getAttribute('data-v')||a.cells[i].textContent,y=b.cells[i].getAttribute('data-v')||b.cells[i].textContent;
          var nx=parseFloat(x),ny=parseFloat(y);var r=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y);return asc?r:-r;});
        rows.forEach(function(r){body.appendChild(r)});});});});
    """

    /// One self-contained HTML page: inline CSS, SVG and JS, no external resource.
    public func html() -> String {
        let h = Self.h
        var s = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        s += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">"
        s += "<title>Personal-data map</title><style>\(Self.css)</style></head><body>\n"
        s += "<h1>Personal-data map</h1><p class=\"meta\">As of \(h(Self.iso(asOfNs))); locations grouped by \(h(groupBy.rawValue))\(groupBy == .folder ? " (depth \(depth))" : ""). Values are counted by keyed fingerprint; no value is shown.</p>\n"
        // Coverage first.
        s += "<h2>Coverage</h2><div class=\"cards\">"
        for (st, n) in byStatus {
            let cls = st == "complete" ? "" : (n == 0 ? "" : (st == "error" ? " bad" : " warn"))
            s += "<div class=\"card\(cls)\"><b>\(n)</b>\(h(st))</div>"
        }
        s += "<div class=\"card\"><b>\(objects)</b>objects</div><div class=\"card\"><b>\(cvDocuments)</b>CV documents</div><div class=\"card\"><b>\(correspondence)</b>correspondence items</div></div>\n"
        if !reasons.isEmpty {
            s += "<p>Objects not fully scanned: their findings may be incomplete.</p><table class=\"sortable\"><thead><tr><th>status</th><th>reason</th><th class=\"n\">objects</th></tr></thead><tbody>"
            for r in reasons { s += "<tr><td>\(h(r.status))</td><td>\(h(r.reason))</td><td class=\"n\">\(r.objects)</td></tr>" }
            s += "</tbody></table>\n"
        }
        // Categories and chart.
        s += "<h2>Categories</h2>"
        s += Self.bars(categories.map { ($0.label, $0.distinct) }, title: "Distinct values by category")
        s += "<table class=\"sortable\"><thead><tr><th>category</th><th>label</th><th class=\"n\">findings</th><th class=\"n\">distinct values</th><th class=\"n\">objects</th></tr></thead><tbody>"
        for c in categories { s += "<tr><td>\(h(c.id))</td><td>\(h(c.label))</td><td class=\"n\">\(c.findings)</td><td class=\"n\">\(c.distinct)</td><td class=\"n\">\(c.objects)</td></tr>" }
        s += "</tbody></table>\n"
        // Heat map.
        s += "<h2>Data map</h2><p class=\"meta\">Cells: distinct values (findings in the tooltip); colour by distinct values.</p>"
        let cellIndex = Dictionary(matrix.map { ("\($0.location)\u{1}\($0.category)", $0) }, uniquingKeysWith: { a, _ in a })
        let maxD = max(1, matrix.map(\.distinct).max() ?? 1)
        s += "<table class=\"heat sortable\"><thead><tr><th>location</th>" + categories.map { "<th class=\"v\" title=\"\(h($0.id))\">\(h($0.label))</th>" }.joined() + "</tr></thead><tbody>"
        for g in groups {
            s += "<tr><td>\(h(g))</td>"
            for c in categories {
                if let cell = cellIndex["\(g)\u{1}\(c.id)"] {
                    let a = 0.12 + 0.78 * log(1 + Double(cell.distinct)) / log(1 + Double(maxD))
                    let fg = a > 0.55 ? "#fff" : "#1b1f24"
                    s += "<td class=\"c\" data-v=\"\(cell.distinct)\" style=\"background:rgba(207,34,46,\(String(format: "%.2f", a)));color:\(fg)\" title=\"\(cell.findings) findings, \(cell.distinct) distinct values, \(cell.objects) objects\">\(cell.distinct)</td>"
                } else {
                    s += "<td class=\"c\" data-v=\"0\"></td>"
                }
            }
            s += "</tr>"
        }
        s += "</tbody></table>\n"
        // Top locations.
        s += "<h2>Top locations</h2>" + Self.bars(top.map { ($0.location, $0.distinct) }, title: "Distinct values by object")
        s += "<table class=\"sortable\"><thead><tr><th>location</th><th class=\"n\">findings</th><th class=\"n\">distinct values</th><th>categories</th></tr></thead><tbody>"
        for l in top { s += "<tr><td>\(h(l.location))</td><td class=\"n\">\(l.findings)</td><td class=\"n\">\(l.distinct)</td><td>\(h(l.categories.joined(separator: ", ")))</td></tr>" }
        s += "</tbody></table>\n"
        // Age.
        s += "<h2>Age of the data</h2><p class=\"meta\">Objects holding each category, by file modification time.</p><table class=\"sortable\"><thead><tr><th>category</th><th>oldest</th>"
        s += Self.ageBuckets.map { "<th class=\"n\">\(h($0))</th>" }.joined() + "</tr></thead><tbody>"
        for a in age { s += "<tr><td>\(h(a.category))</td><td>\(a.oldest.map(Self.isoDate) ?? "-")</td>" + a.buckets.map { "<td class=\"n\">\($0)</td>" }.joined() + "</tr>" }
        s += "</tbody></table>\n"
        if trend.count > 1 {
            s += "<h2>Trend by run</h2>" + Self.bars(trend.map { ("run \($0.id) (\(Self.isoDate($0.startedNs)))", $0.distinct) }, title: "Distinct values at the end of each run")
            s += "<table class=\"sortable\"><thead><tr><th class=\"n\">run</th><th>status</th><th>started</th><th class=\"n\">findings</th><th class=\"n\">distinct values</th></tr></thead><tbody>"
            for r in trend { s += "<tr><td class=\"n\">\(r.id)</td><td>\(h(r.status))</td><td>\(Self.iso(r.startedNs))</td><td class=\"n\">\(r.findings)</td><td class=\"n\">\(r.distinct)</td></tr>" }
            s += "</tbody></table>\n"
        }
        if let p = policy {
            s += "<h2>Policy check</h2><p>Declared (\(p.source == "yaml" ? "YAML declaration" : "recognised in the policy text")): \(h(p.declared.isEmpty ? "none" : p.declared.joined(separator: ", ")))</p>"
            func table(_ title: String, _ l: [PolicyResult.Issue]) -> String {
                var t = "<h3>\(h(title))</h3>"
                if l.isEmpty { return t + "<p class=\"ok\">None.</p>" }
                t += "<table class=\"sortable\"><thead><tr><th>category</th><th class=\"n\">findings</th><th class=\"n\">objects</th><th>where</th><th>detail</th></tr></thead><tbody>"
                for i in l { t += "<tr><td class=\"flag\">\(h(i.category))</td><td class=\"n\">\(i.findings)</td><td class=\"n\">\(i.objects)</td><td>\(h(i.locations.joined(separator: ", ")))</td><td>\(h(i.detail))</td></tr>" }
                return t + "</tbody></table>"
            }
            s += table("Found but not declared", p.undeclared)
            s += "<h3>Declared but never found</h3><p>\(h(p.notFound.isEmpty ? "None." : p.notFound.joined(separator: ", ")))</p>"
            s += table("Older than the declared retention", p.retention)
            s += table("Outside the allowed locations", p.outside) + "\n"
        }
        s += "<script>\(Self.js)</script></body></html>\n"
        return s
    }
}
