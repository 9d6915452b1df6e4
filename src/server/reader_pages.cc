// The reader's HTML pages: search, speaker, quote and article. Everything
// from articles and queries goes through AppendHtmlEscaped or UrlEncode; the
// pages carry no inline script or style (the server's policy forbids both).
#include <algorithm>
#include <cctype>
#include <map>

#include "src/server/article_view.h"
#include "src/server/escape.h"
#include "src/server/reader_app.h"

namespace whosaid::internal {
namespace {

std::string E(std::string_view s) { return HtmlEscape(s); }

std::string Layout(std::string_view title, std::string_view search_value, const std::string& main) {
  std::string out =
      "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  out += E(title);
  out +=
      " · whosaid</title>\n<link rel=\"stylesheet\" href=\"/static/reader.css\">\n"
      "<script src=\"/static/reader.js\" defer></script>\n</head>\n<body>\n"
      "<a class=\"skip\" href=\"#main\">Skip to content</a>\n"
      "<header class=\"site\">\n<a class=\"brand\" href=\"/\">whosaid</a>\n"
      "<form class=\"quick\" role=\"search\" action=\"/search\" method=\"get\">"
      "<label for=\"quick-q\" class=\"visually-hidden\">Search quotes</label>"
      "<input id=\"quick-q\" name=\"q\" type=\"search\" placeholder=\"Search quotes\" value=\"";
  out += E(search_value);
  out +=
      "\"><button type=\"submit\">Search</button></form>\n"
      "<div class=\"textsize\" role=\"group\" aria-label=\"Text size\" hidden>"
      "<button type=\"button\" data-textsize=\"up\" aria-label=\"Larger text\">+</button>"
      "<button type=\"button\" data-textsize=\"reset\" aria-label=\"Reset text size\">Reset</button>"
      "<button type=\"button\" data-textsize=\"down\" aria-label=\"Smaller text\">&minus;</button>"
      "<output class=\"textsize-value\" aria-live=\"polite\"></output></div>\n"
      "</header>\n<main id=\"main\">\n";
  out += main;
  out += "\n</main>\n<footer class=\"site\"><p>whosaid: who said what, to whom, when, and who reported it.</p></footer>\n</body>\n</html>\n";
  return out;
}

std::string PersonLink(const std::optional<int64_t>& person_id, const std::string& name) {
  std::string shown = name.empty() ? "Unknown speaker" : name;
  if (!person_id) return "<span class=\"speaker\">" + E(shown) + "</span>";
  return "<a class=\"speaker\" href=\"/people/" + std::to_string(*person_id) + "\">" + E(shown) + "</a>";
}

std::string TimeTag(const std::string& date) {
  if (date.empty()) return "<span class=\"date\">undated</span>";
  return "<time datetime=\"" + E(date) + "\">" + E(date) + "</time>";
}

// Lower-cased ASCII words of a search text, for highlighting.
std::vector<std::string> QueryWords(const std::string& q) {
  std::vector<std::string> words;
  std::string cur;
  for (char c : q + " ") {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      cur.push_back(static_cast<char>(std::tolower(u)));
    } else if (!cur.empty()) {
      if (cur != "and" && cur != "or" && cur != "not" && cur != "near") words.push_back(cur);
      cur.clear();
    }
  }
  return words;
}

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

// Escapes text, wrapping each word that starts with a query word in <mark>.
std::string Highlight(const std::string& text, const std::vector<std::string>& words) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (!IsWordByte(static_cast<unsigned char>(text[i]))) {
      size_t j = i;
      while (j < text.size() && !IsWordByte(static_cast<unsigned char>(text[j]))) ++j;
      AppendHtmlEscaped(std::string_view(text).substr(i, j - i), &out);
      i = j;
      continue;
    }
    size_t j = i;
    while (j < text.size() && IsWordByte(static_cast<unsigned char>(text[j]))) ++j;
    std::string_view word = std::string_view(text).substr(i, j - i);
    bool hit = false;
    for (const std::string& w : words) {
      if (w.size() > word.size()) continue;
      bool same = true;
      for (size_t k = 0; k < w.size() && same; ++k) {
        same = std::tolower(static_cast<unsigned char>(word[k])) == static_cast<unsigned char>(w[k]);
      }
      hit = hit || same;
    }
    if (hit) out += "<mark class=\"hit\">";
    AppendHtmlEscaped(word, &out);
    if (hit) out += "</mark>";
    i = j;
  }
  return out;
}

std::string ResultItem(const QuoteHit& h, const std::vector<std::string>& words) {
  std::string out = "<li class=\"result\"><blockquote class=\"quote-text\">";
  out += Highlight(h.text, words);
  out += "</blockquote><p class=\"meta\">";
  out += PersonLink(h.person_id, h.speaker);
  if (!h.cue.empty()) out += " <span class=\"cue\">" + E(h.cue) + "</span>";
  if (!h.addressee.empty()) out += " <span class=\"to\">to " + E(h.addressee) + "</span>";
  out += " · " + TimeTag(h.date);
  if (!h.outlet.empty()) out += " · <span class=\"outlet\">" + E(h.outlet) + "</span>";
  out += "</p><p class=\"links\"><a class=\"article-link\" href=\"/articles/" + std::to_string(h.article_id) + "#q" +
         std::to_string(h.id) + "\">" + E(h.article_title.empty() ? "Read the article" : h.article_title) + "</a>";
  out += " · <a href=\"/quotes/" + std::to_string(h.id) + "\">";
  out += h.occurrences > 1 ? "carried by " + std::to_string(h.occurrences) + " articles" : "first seen";
  out += "</a></p></li>";
  return out;
}

std::string SearchUrl(const QuoteQuery& q, int offset) {
  std::string url = "/search?q=" + UrlEncode(q.text);
  if (q.speaker) url += "&speaker=" + UrlEncode(*q.speaker);
  if (q.outlet) url += "&outlet=" + UrlEncode(*q.outlet);
  if (q.from) url += "&from=" + UrlEncode(*q.from);
  if (q.to) url += "&to=" + UrlEncode(*q.to);
  if (q.type) url += std::string("&type=") + QuoteTypeName(*q.type);
  if (offset > 0) url += "&offset=" + std::to_string(offset);
  return url;
}

std::string Field(const char* name, const char* label, const char* type, const std::string& value) {
  return std::string("<p class=\"field\"><label for=\"f-") + name + "\">" + label + "</label><input id=\"f-" + name +
         "\" name=\"" + name + "\" type=\"" + type + "\" value=\"" + E(value) + "\"></p>";
}

std::string SearchForm(const QuoteQuery& q) {
  std::string out = "<form class=\"search\" role=\"search\" action=\"/search\" method=\"get\">";
  out += Field("q", "Words", "search", q.text);
  out += Field("speaker", "Speaker", "text", q.speaker.value_or(""));
  out += Field("outlet", "Outlet", "text", q.outlet.value_or(""));
  out += Field("from", "From", "date", q.from.value_or(""));
  out += Field("to", "To", "date", q.to.value_or(""));
  out += "<p class=\"field submit\"><button type=\"submit\">Search</button></p></form>";
  return out;
}

}  // namespace

HttpResponse HtmlError(int status, const std::string& message) {
  std::string main = "<h1>" + std::to_string(status) + " " + E(HttpReason(status)) + "</h1><p class=\"error\">" +
                     E(message) + "</p><p><a href=\"/\">Back to search</a></p>";
  return HtmlResponse(status, Layout(HttpReason(status), "", main));
}

HttpResponse ReaderApp::SearchPage(const QueryParams& params, bool home) {
  QuoteQuery query;
  if (std::optional<BadParameter> bad = ParseQuoteQuery(params, &query)) {
    return HtmlError(400, "The parameter '" + bad->name + "' " + bad->message + ".");
  }
  bool filtered = !query.text.empty() || query.speaker || query.outlet || query.from || query.to || query.type;
  int limit = query.limit;
  query.limit = limit + 1;
  StatusOr<std::vector<QuoteHit>> hits = store_->SearchQuotes(query);
  if (!hits.ok()) return HtmlError(HttpStatusFor(hits.status()), "The search failed.");
  bool more = static_cast<int>(hits->size()) > limit;
  if (more) hits->resize(limit);

  std::string main = "<h1>" + std::string(home ? "Who said what" : "Search quotes") + "</h1>";
  main += SearchForm(query);
  if (home) {
    StatusOr<std::vector<PersonRecord>> top = store_->TopSpeakers(10);
    if (top.ok() && !top->empty()) {
      main += "<section class=\"top-speakers\" aria-labelledby=\"top-h\"><h2 id=\"top-h\">Quoted most</h2><ol>";
      for (const PersonRecord& p : *top) {
        main += "<li>" + PersonLink(p.id, p.name) + " <span class=\"count\">" + std::to_string(p.quote_count) +
                "</span></li>";
      }
      main += "</ol></section>";
    }
  }
  main += "<section class=\"results-section\" aria-labelledby=\"res-h\"><h2 id=\"res-h\">";
  main += filtered ? "Results" : "Latest statements";
  main += "</h2>";
  if (hits->empty()) {
    main += "<p class=\"none\">No statements match.</p>";
  } else {
    main += "<p class=\"range\">Showing " + std::to_string(query.offset + 1) + "–" +
            std::to_string(query.offset + static_cast<int>(hits->size())) + "</p>";
    main += "<ol class=\"results\" start=\"" + std::to_string(query.offset + 1) + "\">";
    std::vector<std::string> words = QueryWords(query.text);
    for (const QuoteHit& h : *hits) main += ResultItem(h, words);
    main += "</ol>";
  }
  if (query.offset > 0 || more) {
    main += "<nav class=\"pages\" aria-label=\"Result pages\">";
    if (query.offset > 0) {
      main += "<a rel=\"prev\" href=\"" + E(SearchUrl(query, std::max(0, query.offset - limit))) + "\">Previous</a> ";
    }
    if (more) main += "<a rel=\"next\" href=\"" + E(SearchUrl(query, query.offset + limit)) + "\">Next</a>";
    main += "</nav>";
  }
  main += "</section>";
  return HtmlResponse(200, Layout(home ? "Search" : "Search: " + query.text, query.text, main));
}

HttpResponse ReaderApp::PersonPage(int64_t id) {
  StatusOr<PersonRecord> p = store_->GetPerson(id);
  if (!p.ok()) return HtmlError(HttpStatusFor(p.status()), "There is no person with this id.");
  std::vector<QuoteHit> timeline = Timeline(*p, id);
  std::string main = "<article class=\"person\"><h1>" + E(p->name) + "</h1>";
  if (p->is_organization) main += "<p class=\"kind\">Organisation</p>";
  main += "<dl class=\"facts\">";
  auto list = [&](const char* label, const std::vector<std::string>& items) {
    if (items.empty()) return;
    main += std::string("<dt>") + label + "</dt><dd><ul class=\"inline\">";
    for (const std::string& s : items) main += "<li>" + E(s) + "</li>";
    main += "</ul></dd>";
  };
  list("Titles", p->titles);
  list("Also called", p->aliases);
  main += "<dt>Statements</dt><dd>" + std::to_string(p->quote_count) + "</dd></dl>";
  auto counts = [&](const char* id_attr, const char* heading,
                    const std::vector<std::pair<std::string, int64_t>>& items) {
    main += std::string("<section aria-labelledby=\"") + id_attr + "\"><h2 id=\"" + id_attr + "\">" + heading + "</h2>";
    if (items.empty()) {
      main += "<p class=\"none\">None recorded.</p>";
    } else {
      main += "<ol class=\"counts\">";
      for (const auto& [name, n] : items) {
        main += "<li>" + E(name) + " <span class=\"count\">" + std::to_string(n) + "</span></li>";
      }
      main += "</ol>";
    }
    main += "</section>";
  };
  main += "<section aria-labelledby=\"tl-h\"><h2 id=\"tl-h\">Timeline</h2><ol class=\"timeline\">";
  for (const QuoteHit& h : timeline) {
    main += "<li>" + TimeTag(h.date) + " <blockquote class=\"quote-text\">" + E(h.text) +
            "</blockquote><p class=\"meta\">";
    if (!h.cue.empty()) main += "<span class=\"cue\">" + E(h.cue) + "</span> ";
    if (!h.addressee.empty()) main += "<span class=\"to\">to " + E(h.addressee) + "</span> ";
    main += "in <a href=\"/articles/" + std::to_string(h.article_id) + "#q" + std::to_string(h.id) + "\">" +
            E(h.article_title.empty() ? "an article" : h.article_title) + "</a>";
    if (!h.outlet.empty()) main += " (" + E(h.outlet) + ")";
    main += "</p></li>";
  }
  main += "</ol></section>";
  counts("addr-h", "Speaks most often to", p->top_addressees);
  counts("out-h", "Quoted by", p->top_outlets);
  main += "</article>";
  return HtmlResponse(200, Layout(p->name, "", main));
}

HttpResponse ReaderApp::QuotePage(int64_t id) {
  StatusOr<QuoteCluster> c = store_->GetQuoteCluster(id);
  if (!c.ok()) return HtmlError(HttpStatusFor(c.status()), "There is no quote with this id.");
  std::string main = "<article class=\"cluster\"><h1>A quotation</h1><blockquote class=\"quote-text big\">" +
                     E(c->text) + "</blockquote>";
  std::optional<int64_t> person;
  for (const QuoteHit& h : c->members) {
    if (h.person_id) person = h.person_id;
  }
  main += "<p class=\"meta\">" + PersonLink(person, c->speaker) + "</p>";
  main += "<p class=\"first-seen\">First seen " + TimeTag(c->first_date);
  if (!c->first_outlet.empty()) main += " in <span class=\"outlet\">" + E(c->first_outlet) + "</span>";
  main += ". Carried by " + std::to_string(c->occurrences) + (c->occurrences == 1 ? " article." : " articles.") + "</p>";
  main += "<section aria-labelledby=\"carried-h\"><h2 id=\"carried-h\">Every article carrying it</h2>"
          "<table class=\"carriers\"><thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Outlet</th>"
          "<th scope=\"col\">Article</th></tr></thead><tbody>";
  for (const QuoteHit& h : c->members) {
    main += "<tr><td>" + TimeTag(h.date) + "</td><td>" + E(h.outlet) + "</td><td><a href=\"/articles/" +
            std::to_string(h.article_id) + "#q" + std::to_string(h.id) + "\">" +
            E(h.article_title.empty() ? "article " + std::to_string(h.article_id) : h.article_title) + "</a></td></tr>";
  }
  main += "</tbody></table></section></article>";
  return HtmlResponse(200, Layout("Quotation", "", main));
}

HttpResponse ReaderApp::ArticlePage(int64_t id) {
  StatusOr<ArticleRecord> r = store_->GetArticle(id);
  if (!r.ok()) return HtmlError(HttpStatusFor(r.status()), "There is no article with this id.");
  const Article& a = r->article;
  std::string title = a.title.value_or("Untitled article");
  std::string main = "<article class=\"reader\"><header class=\"article-head\"><h1>" + E(title) + "</h1>";
  main += "<p class=\"dateline\">" + TimeTag(a.date.value_or(""));
  if (!a.authors.empty()) {
    main += " · By ";
    for (size_t i = 0; i < a.authors.size(); ++i) main += (i ? ", " : "") + E(a.authors[i]);
  }
  main += "</p>";
  // Provenance: "News.az, citing Reuters".
  std::string provenance = a.publisher.value_or("");
  if (!a.cites.empty()) {
    std::string cites;
    for (size_t i = 0; i < a.cites.size(); ++i) cites += (i ? " and " : "") + a.cites[i];
    provenance += provenance.empty() ? "Citing " + cites : ", citing " + cites;
  }
  if (provenance.empty()) provenance = "Outlet unknown";
  main += "<p class=\"provenance\">" + E(provenance);
  std::string url = SafeExternalUrl(a.url.value_or(""));
  if (!url.empty()) main += " · <a href=\"" + E(url) + "\" rel=\"noreferrer noopener\">original</a>";
  main += "</p>";
  if (!r->syndicated_copies.empty()) {
    main += "<p class=\"syndication\">Also published as ";
    for (size_t i = 0; i < r->syndicated_copies.size() && i < 20; ++i) {
      std::string sid = std::to_string(r->syndicated_copies[i]);
      main += (i ? ", " : "") + std::string("<a href=\"/articles/") + sid + "\">article " + sid + "</a>";
    }
    main += ".</p>";
  }
  main += "</header><div class=\"reader-layout\"><div class=\"article-text\">";
  main += RenderArticleText(*r);
  main += "</div><aside class=\"side\" aria-labelledby=\"wsw-h\"><h2 id=\"wsw-h\">Who said what</h2>";
  if (a.quotes.empty()) {
    main += "<p class=\"none\">No statements found.</p>";
  } else {
    main += RenderWhoSaidWhat(*r);
  }
  main += "</aside></div></article>";
  return HtmlResponse(200, Layout(title, "", main));
}

}  // namespace whosaid::internal
