// The public pipeline entry points: plain text to Article, Article to JSON.
#include "whosaid/pipeline.h"

#include "src/pipeline/article_writer.h"
#include "src/text/plain_text.h"
#include "src/util/date.h"
#include "src/util/json.h"
#include "src/util/utf8.h"

namespace whosaid {

using internal::JsonWriter;

const char* QuoteTypeName(QuoteType type) {
  switch (type) {
    case QuoteType::kDirect: return "direct";
    case QuoteType::kMixed: return "mixed";
    case QuoteType::kIndirect: return "indirect";
  }
  return "indirect";
}

bool IsValidDate(std::string_view date) {
  return date.size() == 10 && internal::ParseIsoDate(date).has_value();
}

StatusOr<Article> ExtractPlainText(std::string_view input, const std::string& id,
                                   const ExtractOptions& options) {
  Status s = internal::CheckTextInput(input, id);
  if (!s.ok()) return s;
  Article article;
  article.id = id;
  article.provenance.file = id;
  article.provenance.length = static_cast<int64_t>(input.size());
  article.provenance.format = "text";
  if (options.date) {
    if (!IsValidDate(*options.date)) return Status::InvalidArgument("bad date: " + *options.date);
    article.date = *options.date;
  }
  std::string repaired;
  int64_t first_bad = -1;
  size_t bad = internal::RepairUtf8(input, &repaired, &first_bad);
  if (bad > 0) {
    article.warnings.push_back("invalid UTF-8 repaired with U+FFFD: " + std::to_string(bad) +
                               " sequence(s), first at byte " + std::to_string(first_bad));
  }
  if (options.raw) {
    article.text = std::move(repaired);
    internal::FindSourcing(article.text, &article);
  } else {
    internal::CleanPlainText(repaired, &article);
  }
  if (options.attribute) AttributeArticle(&article);
  return article;
}

namespace {

void WriteSpan(const Span& span, JsonWriter* w) {
  w->BeginObject();
  w->Key("start"); w->Int(span.start);
  w->Key("end"); w->Int(span.end);
  w->Key("text"); w->String(span.text);
  w->EndObject();
}

void WriteOptString(const std::optional<std::string>& s, JsonWriter* w) {
  if (s) w->String(*s); else w->Null();
}

void WriteStrings(const std::vector<std::string>& v, JsonWriter* w) { internal::WriteJsonStrings(v, w); }

}  // namespace

namespace internal {

void WriteJsonStrings(const std::vector<std::string>& v, JsonWriter* w) {
  w->BeginArray();
  for (const auto& s : v) w->String(s);
  w->EndArray();
}

void WritePeopleJson(const std::vector<Person>& people, JsonWriter* w) {
  w->BeginArray();
  for (const Person& p : people) {
    w->BeginObject();
    w->Key("id"); w->String(p.id);
    w->Key("name"); w->String(p.name);
    w->Key("kind"); w->String(p.is_organization ? "organization" : "person");
    if (!p.gender.empty()) { w->Key("gender"); w->String(p.gender); }
    w->Key("titles"); WriteJsonStrings(p.titles, w);
    w->Key("aliases"); WriteJsonStrings(p.aliases, w);
    w->Key("mentions");
    w->BeginArray();
    for (const Mention& m : p.mentions) {
      w->BeginObject();
      w->Key("start"); w->Int(m.span.start);
      w->Key("end"); w->Int(m.span.end);
      w->Key("text"); w->String(m.span.text);
      w->Key("kind"); w->String(m.kind);
      w->EndObject();
    }
    w->EndArray();
    w->EndObject();
  }
  w->EndArray();
}

void WriteProvenanceJson(const Provenance& p, JsonWriter* w) {
  w->BeginObject();
  w->Key("file"); w->String(p.file);
  w->Key("format"); w->String(p.format);
  w->Key("offset"); w->Int(p.offset);
  w->Key("length"); w->Int(p.length);
  if (p.warc_target_uri) { w->Key("warc_target_uri"); w->String(*p.warc_target_uri); }
  if (p.warc_date) { w->Key("warc_date"); w->String(*p.warc_date); }
  w->EndObject();
}

}  // namespace internal

std::string ArticleToJson(const Article& a, bool pretty) {
  std::string out;
  out.reserve(a.text.size() * 2 + 256);
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("id"); w.String(a.id);
  w.Key("url"); WriteOptString(a.url, &w);
  w.Key("title"); WriteOptString(a.title, &w);
  w.Key("date"); WriteOptString(a.date, &w);
  w.Key("publisher"); WriteOptString(a.publisher, &w);
  w.Key("cites"); WriteStrings(a.cites, &w);
  w.Key("authors"); WriteStrings(a.authors, &w);
  if (a.language) { w.Key("language"); w.String(*a.language); }
  w.Key("text"); w.String(a.text);
  w.Key("people");
  internal::WritePeopleJson(a.people, &w);
  w.Key("quotes");
  w.BeginArray();
  for (const Quote& q : a.quotes) {
    w.BeginObject();
    w.Key("type"); w.String(QuoteTypeName(q.type));
    w.Key("content");
    w.BeginObject();
    w.Key("start"); w.Int(q.content.start);
    w.Key("end"); w.Int(q.content.end);
    w.Key("text"); w.String(q.content.text);
    if (!q.parts.empty()) {
      w.Key("parts");
      w.BeginArray();
      for (const Span& part : q.parts) WriteSpan(part, &w);
      w.EndArray();
    }
    w.EndObject();
    w.Key("cue"); if (q.cue) WriteSpan(*q.cue, &w); else w.Null();
    w.Key("source"); if (q.source) WriteSpan(*q.source, &w); else w.Null();
    w.Key("speaker"); WriteOptString(q.speaker, &w);
    w.Key("speaker_id"); WriteOptString(q.speaker_id, &w);
    w.Key("addressee"); WriteOptString(q.addressee, &w);
    w.Key("date"); WriteOptString(q.date, &w);
    w.Key("attribution"); w.String(q.attribution);
    w.Key("category"); w.String(q.category);
    w.Key("within"); if (q.within) w.Int(*q.within); else w.Null();
    w.EndObject();
  }
  w.EndArray();
  w.Key("events");
  w.BeginArray();
  for (const TimeMention& e : a.events) {
    w.BeginObject();
    w.Key("start"); w.Int(e.span.start);
    w.Key("end"); w.Int(e.span.end);
    w.Key("text"); w.String(e.span.text);
    w.Key("date"); WriteOptString(e.date, &w);
    w.EndObject();
  }
  w.EndArray();
  w.Key("boilerplate_removed"); WriteStrings(a.boilerplate_removed, &w);
  if (!a.warnings.empty()) { w.Key("warnings"); WriteStrings(a.warnings, &w); }
  w.Key("provenance");
  internal::WriteProvenanceJson(a.provenance, &w);
  w.EndObject();
  return pretty ? internal::PrettyJson(out) : out;
}

}  // namespace whosaid
