// The public HTML entry point: charset to UTF-8, parse, metadata, content,
// then attribution. Thread-safe: each call owns all its state.
#include <cctype>
#include <cstring>

#include "src/html/charset.h"
#include "src/html/content.h"
#include "src/html/dom.h"
#include "src/html/metadata.h"
#include "src/text/plain_text.h"
#include "src/util/utf8.h"
#include "whosaid/pipeline.h"

namespace whosaid {
namespace {

bool LooksBinary(std::string_view data) {
  size_t n = std::min<size_t>(data.size(), 4096);
  size_t control = 0;
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = data[i];
    if (c == 0) return true;
    control += c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f';
  }
  return control * 20 > n;
}

}  // namespace

bool LooksLikeHtml(std::string_view data) {
  if (data.substr(0, 3) == "\xEF\xBB\xBF") data.remove_prefix(3);
  size_t n = std::min<size_t>(data.size(), 2048);
  std::string head;
  head.reserve(n);
  for (size_t i = 0; i < n; ++i) head.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(data[i]))));
  size_t first = head.find_first_not_of(" \t\r\n");
  if (first == std::string::npos || head[first] != '<') {
    return false;
  }
  static const char* kMarkers[] = {"<!doctype html", "<html", "<head", "<body", "<meta", "<title",
                                   "<div", "<p>", "<p ", "<article", "<!--", "<script", "<link"};
  for (const char* m : kMarkers) {
    if (head.find(m) != std::string::npos) return true;
  }
  return false;
}

StatusOr<Article> ExtractHtml(std::string_view html, const std::string& id,
                              const ExtractOptions& options) {
  if (html.empty()) return Status::InvalidArgument(id + ": empty input");
  bool utf16 = html.substr(0, 2) == "\xFF\xFE" || html.substr(0, 2) == "\xFE\xFF";
  if (!utf16 && LooksBinary(html)) return Status::InvalidArgument(id + ": binary data, not HTML");
  std::string charset = internal::DetectCharset(html, options.content_type);
  std::string utf8;
  // A <meta> declaration is often stale (pages re-saved as UTF-8 keep their
  // old gb2312 or latin1 tag); bytes that are valid UTF-8 win over it. A
  // charset from the HTTP header or a BOM is trusted.
  bool declared_outside = options.content_type.find("charset") != std::string::npos ||
                          html.substr(0, 2) == "\xFF\xFE" || html.substr(0, 2) == "\xFE\xFF";
  int64_t first_bad = -1;
  if (!declared_outside && !charset.empty() && internal::RepairUtf8(html, &utf8, &first_bad) == 0) {
    charset = "utf-8";
  } else {
    Status s = internal::ConvertToUtf8(html, charset, &utf8);
    if (!s.ok()) return Status::Unsupported(id + ": " + s.message());
  }

  internal::HtmlDocument doc = internal::HtmlDocument::Parse(utf8);
  internal::PageMetadata meta = internal::ExtractMetadata(doc, options.url.value_or(""));
  internal::ContentOptions content_options;
  content_options.title_variants = meta.title_variants;
  std::vector<std::string> paragraphs = internal::ExtractContent(doc, content_options);

  Article article;
  article.id = id;
  article.provenance.file = id;
  article.provenance.length = static_cast<int64_t>(html.size());
  article.provenance.format = "html";
  article.title = meta.title;
  article.date = options.date ? options.date : meta.date;
  article.publisher = meta.publisher;
  article.url = meta.url ? meta.url : options.url;
  article.language = meta.language;
  article.authors = meta.authors;
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    if (i > 0) article.text += "\n\n";
    article.text += paragraphs[i];
  }
  if (article.text.empty()) return Status::NotFound(id + ": no article text found");
  internal::FindSourcing(article.text, &article);
  if (options.attribute) AttributeArticle(&article);
  return article;
}

}  // namespace whosaid
