// ArticleFromJson: whosaid's JSON record back into an Article.
#include "whosaid/article_json.h"

#include <cmath>
#include <string>

#include "src/pipeline/article_writer.h"
#include "src/store/article_json_internal.h"
#include "src/util/json.h"
#include "src/util/utf8.h"

namespace whosaid {
namespace {

using internal::JsonValue;

// Reads JSON members into Article fields, remembering the first error with
// the path of the member that caused it.
class ArticleReader {
 public:
  // REQUIRES: text is valid UTF-8 and outlives the reader.
  explicit ArticleReader(std::string_view text) : text_(text), index_(text), text_length_(index_.size()) {}

  const Status& status() const { return status_; }

  void Fail(const std::string& path, const std::string& why) {
    if (status_.ok()) status_ = Status::InvalidArgument("member '" + path + "': " + why);
  }

  void String(const JsonValue& obj, const char* key, const std::string& path, std::string* out) {
    const JsonValue* v = obj.Find(key);
    if (v == nullptr || v->is_null()) return;
    if (!v->is_string()) return Fail(path + key, "expected a string");
    *out = v->as_string();
  }

  void OptString(const JsonValue& obj, const char* key, const std::string& path,
                 std::optional<std::string>* out) {
    const JsonValue* v = obj.Find(key);
    if (v == nullptr || v->is_null()) return;
    if (!v->is_string()) return Fail(path + key, "expected a string or null");
    *out = v->as_string();
  }

  void Int(const JsonValue& obj, const char* key, const std::string& path, int64_t* out) {
    const JsonValue* v = obj.Find(key);
    if (v == nullptr || v->is_null()) return;
    double d = v->is_number() ? v->as_number() : -1;
    if (!v->is_number() || d < 0 || d > 9.0e15 || std::floor(d) != d) {
      return Fail(path + key, "expected a non-negative integer");
    }
    *out = static_cast<int64_t>(d);
  }

  void Strings(const JsonValue& obj, const char* key, const std::string& path,
               std::vector<std::string>* out) {
    const JsonValue* v = obj.Find(key);
    if (v == nullptr || v->is_null()) return;
    if (!v->is_array()) return Fail(path + key, "expected an array of strings");
    for (const JsonValue& item : v->items()) {
      if (!item.is_string()) return Fail(path + key, "expected an array of strings");
      out->push_back(item.as_string());
    }
  }

  // Reads a {start, end, text} object; checks it lies inside the text and
  // that its text is text[start:end], the promise every span makes.
  bool ReadSpan(const JsonValue& v, const std::string& path, Span* span) {
    if (!v.is_object()) {
      Fail(path, "expected a span object");
      return false;
    }
    Int(v, "start", path + ".", &span->start);
    Int(v, "end", path + ".", &span->end);
    String(v, "text", path + ".", &span->text);
    if (span->start > span->end || span->end > text_length_) {
      Fail(path, "span [" + std::to_string(span->start) + ", " + std::to_string(span->end) +
                     ") lies outside the text of " + std::to_string(text_length_) + " code points");
      return false;
    }
    size_t begin = index_.ToByte(span->start);
    if (status_.ok() && text_.substr(begin, index_.ToByte(span->end) - begin) != span->text) {
      Fail(path, "span text differs from the article text at [" + std::to_string(span->start) + ", " +
                     std::to_string(span->end) + ")");
      return false;
    }
    return status_.ok();
  }

  void OptSpan(const JsonValue& obj, const char* key, const std::string& path,
               std::optional<Span>* out) {
    const JsonValue* v = obj.Find(key);
    if (v == nullptr || v->is_null()) return;
    Span span;
    if (ReadSpan(*v, path + key, &span)) *out = span;
  }

  void ReadPerson(const JsonValue& v, const std::string& path, Person* p) {
    if (!v.is_object()) return Fail(path, "expected an object");
    String(v, "id", path + ".", &p->id);
    String(v, "name", path + ".", &p->name);
    p->is_organization = v.GetString("kind") == "organization";
    String(v, "gender", path + ".", &p->gender);
    Strings(v, "titles", path + ".", &p->titles);
    Strings(v, "aliases", path + ".", &p->aliases);
    const JsonValue* mentions = v.Find("mentions");
    if (mentions == nullptr || mentions->is_null()) return;
    if (!mentions->is_array()) return Fail(path + ".mentions", "expected an array");
    for (size_t i = 0; i < mentions->items().size() && status_.ok(); ++i) {
      Mention m;
      std::string mpath = path + ".mentions[" + std::to_string(i) + "]";
      if (!ReadSpan(mentions->items()[i], mpath, &m.span)) return;
      String(mentions->items()[i], "kind", mpath + ".", &m.kind);
      p->mentions.push_back(std::move(m));
    }
  }

  void ReadQuote(const JsonValue& v, const std::string& path, Quote* q) {
    if (!v.is_object()) return Fail(path, "expected an object");
    std::string type = v.GetString("type");
    if (type == "direct") {
      q->type = QuoteType::kDirect;
    } else if (type == "mixed") {
      q->type = QuoteType::kMixed;
    } else if (type == "indirect") {
      q->type = QuoteType::kIndirect;
    } else {
      return Fail(path + ".type", "expected direct, mixed or indirect");
    }
    const JsonValue* content = v.Find("content");
    if (content == nullptr) return Fail(path + ".content", "missing");
    if (!ReadSpan(*content, path + ".content", &q->content)) return;
    const JsonValue* parts = content->Find("parts");
    if (parts != nullptr && parts->is_array()) {
      for (size_t i = 0; i < parts->items().size(); ++i) {
        Span part;
        if (!ReadSpan(parts->items()[i], path + ".content.parts[" + std::to_string(i) + "]", &part)) return;
        q->parts.push_back(std::move(part));
      }
    }
    OptSpan(v, "cue", path + ".", &q->cue);
    OptSpan(v, "source", path + ".", &q->source);
    OptString(v, "speaker", path + ".", &q->speaker);
    OptString(v, "speaker_id", path + ".", &q->speaker_id);
    OptString(v, "addressee", path + ".", &q->addressee);
    OptString(v, "date", path + ".", &q->date);
    String(v, "attribution", path + ".", &q->attribution);
    String(v, "category", path + ".", &q->category);
    int64_t within = -1;
    Int(v, "within", path + ".", &within);
    if (within >= 0) q->within = static_cast<int>(std::min<int64_t>(within, INT32_MAX));
  }

  void ReadProvenance(const JsonValue& v, Provenance* p) {
    if (!v.is_object()) return Fail("provenance", "expected an object");
    String(v, "file", "provenance.", &p->file);
    String(v, "format", "provenance.", &p->format);
    Int(v, "offset", "provenance.", &p->offset);
    Int(v, "length", "provenance.", &p->length);
    OptString(v, "warc_target_uri", "provenance.", &p->warc_target_uri);
    OptString(v, "warc_date", "provenance.", &p->warc_date);
  }

 private:
  std::string_view text_;
  internal::CodePointIndex index_;
  int64_t text_length_;
  Status status_;
};

// Reads every member but "text" from root; a.text is already set.
StatusOr<Article> ReadArticle(const JsonValue& root, Article a) {
  std::string repaired;
  int64_t first_bad = -1;
  if (internal::RepairUtf8(a.text, &repaired, &first_bad) > 0) {
    return Status::InvalidArgument("member 'text': invalid UTF-8 at byte " + std::to_string(first_bad));
  }
  ArticleReader r(a.text);
  r.String(root, "id", "", &a.id);
  r.OptString(root, "url", "", &a.url);
  r.OptString(root, "title", "", &a.title);
  r.OptString(root, "date", "", &a.date);
  r.OptString(root, "publisher", "", &a.publisher);
  r.Strings(root, "cites", "", &a.cites);
  r.Strings(root, "authors", "", &a.authors);
  r.OptString(root, "language", "", &a.language);
  r.Strings(root, "boilerplate_removed", "", &a.boilerplate_removed);
  r.Strings(root, "warnings", "", &a.warnings);
  if (const JsonValue* prov = root.Find("provenance"); prov != nullptr && !prov->is_null()) {
    r.ReadProvenance(*prov, &a.provenance);
  }
  if (const JsonValue* people = root.Find("people"); people != nullptr && !people->is_null()) {
    if (!people->is_array()) r.Fail("people", "expected an array");
    for (size_t i = 0; people->is_array() && i < people->items().size() && r.status().ok(); ++i) {
      Person p;
      r.ReadPerson(people->items()[i], "people[" + std::to_string(i) + "]", &p);
      a.people.push_back(std::move(p));
    }
  }
  if (const JsonValue* quotes = root.Find("quotes"); quotes != nullptr && !quotes->is_null()) {
    if (!quotes->is_array()) r.Fail("quotes", "expected an array");
    for (size_t i = 0; quotes->is_array() && i < quotes->items().size() && r.status().ok(); ++i) {
      Quote q;
      r.ReadQuote(quotes->items()[i], "quotes[" + std::to_string(i) + "]", &q);
      a.quotes.push_back(std::move(q));
    }
    for (size_t i = 0; i < a.quotes.size() && r.status().ok(); ++i) {
      const std::optional<int>& within = a.quotes[i].within;
      if (within && (static_cast<size_t>(*within) >= a.quotes.size() || static_cast<size_t>(*within) == i)) {
        r.Fail("quotes[" + std::to_string(i) + "].within", "expected the index of another quote");
      }
    }
  }
  if (!r.status().ok()) return r.status();
  return a;
}

StatusOr<JsonValue> ParseObject(std::string_view json) {
  StatusOr<JsonValue> parsed = internal::ParseJson(json);
  if (!parsed.ok()) return Status::InvalidArgument("bad JSON: " + parsed.status().message());
  if (!parsed->is_object()) return Status::InvalidArgument("expected a JSON object");
  return parsed;
}

}  // namespace

StatusOr<Article> ArticleFromJson(std::string_view json) {
  StatusOr<JsonValue> root = ParseObject(json);
  if (!root.ok()) return root.status();
  const JsonValue* text = root->Find("text");
  if (text == nullptr || !text->is_string()) {
    return Status::InvalidArgument("member 'text': missing or not a string");
  }
  Article a;
  a.text = text->as_string();
  return ReadArticle(*root, std::move(a));
}

namespace internal {

StatusOr<Article> ArticleFromJsonWithText(std::string_view json, std::string text) {
  StatusOr<JsonValue> root = ParseObject(json);
  if (!root.ok()) return root.status();
  Article a;
  a.text = std::move(text);
  return ReadArticle(*root, std::move(a));
}

std::string ArticleExtraJson(const Article& a) {
  std::string out;
  out.reserve(256);
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("id");
  w.String(a.id);
  // The members an empty shell writes as null or empty, in ArticleToJson's
  // order (no "language": the shell has none).
  out.append(R"(,"url":null,"title":null,"date":null,"publisher":null,"cites":[],"authors":[],"text":"")");
  w.Key("people");
  WritePeopleJson(a.people, &w);
  out.append(R"(,"quotes":[],"events":[])");
  w.Key("boilerplate_removed"); WriteJsonStrings(a.boilerplate_removed, &w);
  if (!a.warnings.empty()) { w.Key("warnings"); WriteJsonStrings(a.warnings, &w); }
  w.Key("provenance");
  WriteProvenanceJson(a.provenance, &w);
  w.EndObject();
  return out;
}

}  // namespace internal

}  // namespace whosaid
