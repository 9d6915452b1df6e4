// Metadata comes from several sources of differing trust. For each field the
// sources are tried in order of how often they are right on news sites:
// structured data first (JSON-LD, Open Graph), then page markup, then text.
#include "src/html/metadata.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "src/util/ascii.h"
#include "src/util/date.h"
#include "src/util/json.h"

namespace whosaid::internal {
namespace {

bool Contains(std::string_view hay, std::string_view needle) {
  return hay.find(needle) != std::string_view::npos;
}

struct JsonLdInfo {
  std::string headline;
  std::string name;
  std::string date_published;
  std::string date_created;
  std::string publisher;
  std::vector<std::string> authors;
};

bool IsArticleType(const JsonValue& v) {
  auto article_like = [](const std::string& t) {
    return Contains(t, "Article") || t == "BlogPosting" || t == "Report" || t == "LiveBlogPosting" ||
           t == "SocialMediaPosting" || t == "WebPage" || t == "Recipe";
  };
  const JsonValue* type = v.Find("@type");
  if (type == nullptr) return false;
  if (type->is_string()) return article_like(type->as_string());
  if (type->is_array()) {
    for (const JsonValue& t : type->items()) {
      if (t.is_string() && article_like(t.as_string())) return true;
    }
  }
  return false;
}

void CollectNames(const JsonValue* v, std::vector<std::string>* out) {
  if (v == nullptr) return;
  if (v->is_string()) {
    if (!v->as_string().empty()) out->push_back(v->as_string());
  } else if (v->is_object()) {
    std::string name = v->GetString("name");
    if (!name.empty()) out->push_back(name);
  } else if (v->is_array()) {
    for (const JsonValue& item : v->items()) CollectNames(&item, out);
  }
}

void ReadJsonLdObject(const JsonValue& v, int depth, JsonLdInfo* info) {
  if (depth > 8) return;
  if (v.is_array()) {
    for (const JsonValue& item : v.items()) ReadJsonLdObject(item, depth + 1, info);
    return;
  }
  if (!v.is_object()) return;
  if (const JsonValue* graph = v.Find("@graph")) ReadJsonLdObject(*graph, depth + 1, info);
  if (!IsArticleType(v)) return;
  bool is_page = v.GetString("@type") == "WebPage";
  if (info->headline.empty() && info->name.empty()) {
    info->headline = v.GetString("headline");
    if (!is_page) info->name = v.GetString("name");
  }
  if (info->date_published.empty()) info->date_published = v.GetString("datePublished");
  // Creation is often the CMS draft or, on wikis, the first revision; it
  // only stands in when nothing names the publication.
  if (info->date_created.empty()) info->date_created = v.GetString("dateCreated");
  if (info->authors.empty()) {
    std::vector<std::string> names;
    CollectNames(v.Find("author"), &names);
    if (names.empty()) CollectNames(v.Find("creator"), &names);
    info->authors = names;
  }
  if (info->publisher.empty()) {
    std::vector<std::string> names;
    CollectNames(v.Find("publisher"), &names);
    if (!names.empty()) info->publisher = names[0];
  }
}

// Script bodies saved through XHTML serialisers arrive wrapped in
// <![CDATA[ ... ]]> or <!-- ... -->, which JSON does not allow.
std::string_view StripScriptWrapper(std::string_view s) {
  auto trim = [](std::string_view t) {
    size_t b = t.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return std::string_view();
    size_t e = t.find_last_not_of(" \t\r\n");
    return t.substr(b, e - b + 1);
  };
  s = trim(s);
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"<![CDATA[", "]]>"},
                             {"<!--", "-->"}, {"//<![CDATA[", "//]]>"}}) {
    if (s.substr(0, open.size()) == open && s.size() >= open.size() + close.size() &&
        s.substr(s.size() - close.size()) == close) {
      s = trim(s.substr(open.size(), s.size() - open.size() - close.size()));
    }
  }
  return s;
}

// Lowercase alphanumeric words of s (ASCII folding only; other bytes are
// kept as word characters so CJK titles still compare).
std::vector<std::string> TitleWords(std::string_view s) {
  std::vector<std::string> words;
  std::string cur;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      cur.push_back(static_cast<char>(std::tolower(u)));
    } else if (!cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

// Share of b's words that a also has: how well `a` covers `b`.
double WordCoverage(std::string_view a, std::string_view b) {
  std::vector<std::string> wa = TitleWords(a), wb = TitleWords(b);
  if (wb.empty()) return 0;
  int hits = 0;
  for (const std::string& w : wb) hits += std::find(wa.begin(), wa.end(), w) != wa.end();
  return static_cast<double>(hits) / wb.size();
}

// Splits "Headline | Site" style titles. Returns the part that reads as the
// headline, or the whole when no separator splits it sensibly.
std::string CleanTitle(const std::string& title, const std::optional<std::string>& site) {
  static const std::string_view kSeparators[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                                 " :: ", " / ", " \xC2\xBB ", " \xC2\xB7 "};
  auto word_count = [](std::string_view s) {
    int n = 0;
    bool in = false;
    for (char c : s) {
      bool sp = c == ' ';
      if (!sp && !in) ++n;
      in = !sp;
    }
    return n;
  };
  for (std::string_view sep : kSeparators) {
    size_t last = title.rfind(sep);
    if (last == std::string::npos) continue;
    std::string head = title.substr(0, last);
    std::string tail = title.substr(last + sep.size());
    if (site && AsciiLower(tail) == AsciiLower(*site)) return head;
    // A short tail after the last separator is a site or section name;
    // one that opens in lower case continues the headline ("ATF - an
    // async task framework").
    bool lower_start = !tail.empty() && std::islower(static_cast<unsigned char>(tail[0]));
    if (word_count(head) >= 3 && word_count(tail) <= 4 && !lower_start) return head;
    size_t first = title.find(sep);
    std::string lead = title.substr(0, first);
    if (site && AsciiLower(lead) == AsciiLower(*site)) return title.substr(first + sep.size());
  }
  return title;
}

std::string StripBy(std::string s) {
  std::string lower = AsciiLower(s.substr(0, 3));
  if (lower == "by " ) s = s.substr(3);
  while (!s.empty() && (s.back() == ',' || s.back() == '|' || s.back() == ' ')) s.pop_back();
  return s;
}

bool LooksLikeUrl(std::string_view s) {
  return s.substr(0, 4) == "http" || s.substr(0, 1) == "/";
}

// A visible byline: rel=author, itemprop=author or a byline-like class,
// with short text. Returns "" when none.
std::string FindBylineText(const HtmlDocument& doc) {
  for (int32_t i = 0; i < doc.size(); ++i) {
    const HtmlNode& n = doc.node(i);
    if (n.tag == Tag::kText || n.tag == Tag::kMeta || n.tag == Tag::kLink || n.tag == Tag::kScript) continue;
    std::string_view rel = doc.Attribute(n, "rel");
    std::string_view itemprop = doc.Attribute(n, "itemprop");
    std::string cls = AsciiLower(doc.Attribute(n, "class"));
    cls.push_back(' ');
    cls += AsciiLower(doc.Attribute(n, "id"));
    bool byline = rel == "author" || Contains(itemprop, "author") || Contains(cls, "byline") ||
                  Contains(cls, "author") || Contains(cls, "writtenby");
    if (!byline || Contains(cls, "comment")) continue;
    std::string text;
    doc.AppendRawText(i, &text);
    text = CollapseWhitespace(text);
    if (text.size() >= 3 && text.size() < 100) return StripBy(text);
  }
  return "";
}

void SetIfEmpty(std::optional<std::string>* field, std::string value) {
  value = CollapseWhitespace(value);
  if (!*field && !value.empty()) *field = std::move(value);
}

}  // namespace

std::string CollapseWhitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
    if (!space && c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
      space = true;
      ++i;
    }
    if (space) {
      pending = !out.empty();
      continue;
    }
    if (pending) out.push_back(' ');
    pending = false;
    out.push_back(c);
  }
  return out;
}

std::optional<std::string> NormalizeDate(std::string_view s) {
  size_t start = s.find_first_not_of(" \t\n\r");
  if (start == std::string_view::npos) return std::nullopt;
  s = s.substr(start);
  if (s.size() >= 10) {
    if (auto d = ParseIsoDate(s.substr(0, 10))) return FormatDate(*d);
  }
  if (s.size() >= 8 && std::all_of(s.begin(), s.begin() + 8, [](char c) { return c >= '0' && c <= '9'; }) &&
      (s.size() == 8 || s[8] == 'T')) {  // 20180405
    std::string iso = std::string(s.substr(0, 4)) + "-" + std::string(s.substr(4, 2)) + "-" + std::string(s.substr(6, 2));
    if (auto d = ParseIsoDate(iso)) return FormatDate(*d);
  }
  if (auto d = FindDateInText(s.substr(0, 200))) return FormatDate(*d);
  return std::nullopt;
}

std::optional<std::string> DateFromUrl(std::string_view url) {
  for (size_t i = 0; i + 10 <= url.size(); ++i) {
    if (url[i] != '/' && url[i] != '-' && url[i] != '_') continue;
    size_t j = i + 1;
    auto digits = [&](size_t at, size_t n) {
      if (at + n > url.size()) return -1;
      int v = 0;
      for (size_t k = at; k < at + n; ++k) {
        if (url[k] < '0' || url[k] > '9') return -1;
        v = v * 10 + (url[k] - '0');
      }
      return v;
    };
    int y = digits(j, 4);
    if (y < 1990 || y > 2100 || j + 4 >= url.size()) continue;
    char sep = url[j + 4];
    if (sep != '/' && sep != '-' && sep != '_') continue;
    int m = digits(j + 5, 2);
    if (m < 1 || j + 7 >= url.size() || url[j + 7] != sep) continue;
    int d = digits(j + 8, 2);
    if (d < 0 || !IsValidCivil(y, m, d)) continue;
    if (j + 10 < url.size() && url[j + 10] >= '0' && url[j + 10] <= '9') continue;
    return FormatDate(CivilDate{y, m, d});
  }
  return std::nullopt;
}

PageMetadata ExtractMetadata(const HtmlDocument& doc, std::string_view url) {
  PageMetadata meta;
  std::unordered_map<std::string, std::string> tags;  // First value per key.
  JsonLdInfo ld;
  std::string title_element, first_h1, canonical, time_datetime;
  for (int32_t i = 0; i < doc.size(); ++i) {
    const HtmlNode& n = doc.node(i);
    switch (n.tag) {
      case Tag::kMeta: {
        std::string_view content = doc.Attribute(n, "content");
        if (content.empty()) break;
        for (std::string_view attr : {"property", "name", "itemprop", "http-equiv"}) {
          std::string_view keys = doc.Attribute(n, attr);
          // A property may list several keys separated by spaces.
          size_t pos = 0;
          while (pos < keys.size()) {
            size_t sp = keys.find(' ', pos);
            if (sp == std::string_view::npos) sp = keys.size();
            if (sp > pos) tags.emplace(AsciiLower(keys.substr(pos, sp - pos)), std::string(content));
            pos = sp + 1;
          }
        }
        break;
      }
      case Tag::kLink:
        if (canonical.empty() && AsciiLower(doc.Attribute(n, "rel")) == "canonical") {
          canonical = std::string(doc.Attribute(n, "href"));
        }
        break;
      case Tag::kTitle:
        if (title_element.empty()) doc.AppendRawText(i, &title_element);
        break;
      case Tag::kH1:
        if (first_h1.empty()) doc.AppendRawText(i, &first_h1);
        break;
      case Tag::kTime:
        if (time_datetime.empty()) time_datetime = std::string(doc.Attribute(n, "datetime"));
        break;
      case Tag::kScript: {
        if (!Contains(doc.Attribute(n, "type"), "ld+json")) break;
        std::string json;
        doc.AppendRawText(i, &json);
        StatusOr<JsonValue> v = ParseJson(StripScriptWrapper(json));
        if (v.ok()) ReadJsonLdObject(*v, 0, &ld);
        break;
      }
      case Tag::kHtml:
        if (!meta.language) SetIfEmpty(&meta.language, std::string(doc.Attribute(n, "lang")));
        break;
      default:
        break;
    }
  }
  auto tag = [&](const char* key) -> std::string {
    auto it = tags.find(key);
    return it == tags.end() ? std::string() : CollapseWhitespace(it->second);
  };

  // Publisher first: title cleaning uses it.
  SetIfEmpty(&meta.publisher, tag("og:site_name"));
  SetIfEmpty(&meta.publisher, ld.publisher);
  SetIfEmpty(&meta.publisher, tag("application-name"));

  // Title.
  std::string title_text = CollapseWhitespace(title_element);
  // JSON-LD often has both a headline and a name; on some sites one of them
  // is a description ("country in Oceania"). The one the <title> agrees
  // with is the headline.
  std::string ld_title = ld.headline.empty() ? ld.name : ld.headline;
  if (!ld.headline.empty() && !ld.name.empty() && ld.headline != ld.name && !title_text.empty() &&
      WordCoverage(title_text, ld.name) > WordCoverage(title_text, ld.headline)) {
    ld_title = ld.name;
  }
  // Some sites put their own name in the article's "name".
  if (!ld_title.empty() && ((meta.publisher && AsciiLower(ld_title) == AsciiLower(*meta.publisher)) ||
                            AsciiLower(ld_title) == AsciiLower(ld.publisher))) {
    ld_title.clear();
  }
  // Dublin Core is rare and, where present, deliberate; Open Graph and
  // Twitter titles are often rewritten for sharing.
  for (std::string candidate : {ld_title, tag("dc:title"), tag("dcterm:title"), tag("dc.title"),
                                tag("og:title"), tag("title"), tag("twitter:title"),
                                tag("parsely-title"), tag("sailthru.title")}) {
    candidate = CollapseWhitespace(candidate);
    if (candidate.empty()) continue;
    meta.title_variants.push_back(candidate);
  }
  if (!meta.title_variants.empty()) {
    std::string cleaned = CleanTitle(meta.title_variants[0], meta.publisher);
    meta.title = cleaned;
  } else if (!title_text.empty()) {
    meta.title = CleanTitle(title_text, meta.publisher);
  } else {
    SetIfEmpty(&meta.title, first_h1);
  }
  if (!title_text.empty()) meta.title_variants.push_back(title_text);
  std::string h1 = CollapseWhitespace(first_h1);
  if (!h1.empty()) meta.title_variants.push_back(h1);
  if (meta.title) meta.title_variants.push_back(*meta.title);

  // Date.
  for (const std::string& candidate :
       {ld.date_published, tag("article:published_time"), tag("og:published_time"),
        tag("datepublished"), tag("article.published"), tag("published_time"),
        tag("publishdate"), tag("publish-date"), tag("pubdate"), tag("parsely-pub-date"),
        tag("sailthru.date"), tag("dc.date.issued"), tag("dc.date"), tag("dcterms.created"),
        tag("date"), ld.date_created, time_datetime, tag("article:modified_time")}) {
    if (candidate.empty()) continue;
    if (auto d = NormalizeDate(candidate)) {
      meta.date = *d;
      break;
    }
  }
  if (!meta.date) {
    if (auto d = DateFromUrl(canonical.empty() ? url : canonical)) meta.date = *d;
  }
  if (!meta.date && !url.empty()) {
    if (auto d = DateFromUrl(url)) meta.date = *d;
  }

  // Canonical URL and language.
  SetIfEmpty(&meta.url, canonical);
  SetIfEmpty(&meta.url, tag("og:url"));
  SetIfEmpty(&meta.language, tag("content-language"));
  SetIfEmpty(&meta.language, tag("og:locale"));

  // Authors.
  std::vector<std::string> authors = ld.authors;
  if (authors.empty()) {
    for (const char* key : {"author", "article:author", "byl", "dc.creator", "parsely-author",
                            "sailthru.author"}) {
      std::string v = tag(key);
      if (!v.empty() && !LooksLikeUrl(v)) {
        authors.push_back(StripBy(v));
        break;
      }
    }
  }
  if (authors.empty()) {
    std::string byline = FindBylineText(doc);
    if (!byline.empty()) authors.push_back(byline);
  }
  for (std::string& a : authors) {
    a = CollapseWhitespace(a);
    if (!a.empty() && !LooksLikeUrl(a) &&
        std::find(meta.authors.begin(), meta.authors.end(), a) == meta.authors.end()) {
      meta.authors.push_back(a);
    }
  }
  return meta;
}

}  // namespace whosaid::internal
