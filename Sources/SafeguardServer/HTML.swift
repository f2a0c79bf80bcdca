import Foundation

/// Server-rendered pages: escaping and the one layout every page shares (headings, a skip link,
/// labelled controls, dark-on-light contrast above 7:1, readable at a phone's width). No script.
enum HTML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A value of a query string or path, percent-encoded.
    static func component(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-._~"))) ?? ""
    }

    static let style = """
        body{font-family:system-ui,sans-serif;margin:0;color:#111;background:#fff;line-height:1.5;overflow-wrap:anywhere}
        header,main{padding:0.75rem 1rem;max-width:60rem;margin:auto}
        header{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;border-bottom:2px solid #1d3557}
        a{color:#0b3d91}a:focus,button:focus,input:focus,select:focus{outline:3px solid #f4a100}
        table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:0.4rem;border-bottom:1px solid #bbb;vertical-align:top}
        .overdue{background:#fff1c2}.missed{background:#ffd6d6;font-weight:bold}
        .tag{display:inline-block;padding:0 0.4rem;border:1px solid #111;border-radius:0.2rem}
        .skip{position:absolute;left:-999px}.skip:focus{left:1rem}
        label{display:block;margin-top:0.5rem}input,select,button{font-size:1rem;padding:0.4rem;max-width:100%}
        pre{white-space:pre-wrap;word-break:break-word}
        caption{text-align:left;font-weight:bold;padding:0.4rem 0}
        @media (max-width:40rem){table,caption,thead,tbody,tr,th,td{display:block}thead{position:absolute;left:-999px}td{border:0}tr{border-bottom:1px solid #bbb;padding:0.4rem 0}}
        """

    static func page(title: String, person: AuthenticatedPerson?, csrf: String?, body: String) -> String {
        var nav = ""
        if let person, let csrf {
            nav = """
                <nav aria-label="Main"><a href="/ui/due">Due</a> · <a href="/ui/cases">Cases</a></nav>
                <form method="post" action="/ui/sign-out"><input type="hidden" name="csrf" value="\(escape(csrf))">
                <span>Signed in as \(escape(person.id))</span> <button type="submit">Sign out</button></form>
                """
        }
        return """
            <!doctype html>
            <html lang="en-GB">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title)) · Safeguard</title><style>\(style)</style></head>
            <body><a class="skip" href="#main">Skip to content</a>
            <header><strong>Safeguard</strong>\(nav)</header>
            <main id="main"><h1>\(escape(title))</h1>
            \(body)
            </main></body></html>
            """
    }
}
