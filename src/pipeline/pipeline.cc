// The public pipeline entry points: plain text to Article, Article to JSON.
#include "whosaid/pipeline.h"

#include <charconv>

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
  // Appended directly, not through JsonWriter calls (the same compact
  // bytes): an article has dozens of mentions, each four keys and two
  // numbers, and the store writes this for every article it indexes.
  std::string json = "[";
  auto append_int = [&json](int64_t v) {
    char digits[24];
    json.append(digits, std::to_chars(digits, digits + sizeof(digits), v).ptr);
  };
  auto append_strings = [&json](const std::vector<std::string>& v) {
    json.push_back('[');
    for (size_t i = 0; i < v.size(); ++i) {
      if (i > 0) json.push_back(',');
      AppendJsonString(v[i], &json);
    }
    json.push_back(']');
  };
  for (size_t i = 0; i < people.size(); ++i) {
    const Person& p = people[i];
    if (i > 0) json.push_back(',');
    json.append("{\"id\":");
    AppendJsonString(p.id, &json);
    json.append(",\"name\":");
    AppendJsonString(p.name, &json);
    json.append(p.is_organization ? ",\"kind\":\"organization\"" : ",\"kind\":\"person\"");
    if (!p.gender.empty()) {
      json.append(",\"gender\":");
      AppendJsonString(p.gender, &json);
    }
    json.append(",\"titles\":");
    append_strings(p.titles);
    json.append(",\"aliases\":");
    append_strings(p.aliases);
    json.append(",\"mentions\":[");
    for (size_t j = 0; j < p.mentions.size(); ++j) {
      const Mention& m = p.mentions[j];
      json.append(j > 0 ? ",{\"start\":" : "{\"start\":");
      append_int(m.span.start);
      json.append(",\"end\":");
      append_int(m.span.end);
      json.append(",\"text\":");
      AppendJsonString(m.span.text, &json);
      json.append(",\"kind\":");
      AppendJsonString(m.kind, &json);
      json.push_back('}');
    }
    json.append("]}");
  }
  json.push_back(']');
  w->Raw(json);
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
