#include "src/testing/expectations.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include "src/util/json.h"
#include "src/util/utf8.h"
#include "whosaid/pipeline.h"

namespace whosaid::testing {
namespace {

using internal::JsonValue;

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string OrNull(const std::optional<std::string>& s) { return s ? *s : "null"; }

void CheckSpan(const internal::CodePointIndex& index, const std::string& text, const Span& span,
               const std::string& what, std::vector<std::string>* errors) {
  if (span.start < 0 || span.end < span.start || span.end > index.size()) {
    errors->push_back(what + ": span out of range [" + std::to_string(span.start) + "," + std::to_string(span.end) + ")");
    return;
  }
  size_t b = index.ToByte(span.start), e = index.ToByte(span.end);
  if (text.substr(b, e - b) != span.text) {
    errors->push_back(what + ": text[" + std::to_string(span.start) + ":" + std::to_string(span.end) + "] is '" +
                      text.substr(b, e - b) + "', span says '" + span.text + "'");
  }
}

const Quote* FindQuote(const Article& a, const std::string& fragment) {
  const Quote* best = nullptr;
  for (const Quote& q : a.quotes) {
    if (q.content.text.find(fragment) == std::string::npos) continue;
    if (!best || q.content.text.size() < best->content.text.size()) best = &q;
  }
  return best;
}

}  // namespace

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

std::vector<std::string> CheckSpans(const Article& a) {
  std::vector<std::string> errors;
  internal::CodePointIndex index(a.text);
  for (const Person& p : a.people) {
    for (const Mention& m : p.mentions) CheckSpan(index, a.text, m.span, "mention of " + p.name, &errors);
  }
  for (const Quote& q : a.quotes) {
    CheckSpan(index, a.text, q.content, "quote content", &errors);
    for (const Span& part : q.parts) CheckSpan(index, a.text, part, "quote part", &errors);
    if (q.cue) CheckSpan(index, a.text, *q.cue, "cue", &errors);
    if (q.source) CheckSpan(index, a.text, *q.source, "source", &errors);
  }
  for (const TimeMention& e : a.events) CheckSpan(index, a.text, e.span, "event", &errors);
  return errors;
}

std::vector<std::string> CheckExpectations(const std::string& input_path, const std::string& expected_path) {
  std::vector<std::string> errors;
  std::string input, expected_text;
  if (!ReadFile(input_path, &input)) return {"cannot read " + input_path};
  if (!ReadFile(expected_path, &expected_text)) return {"cannot read " + expected_path};
  StatusOr<JsonValue> parsed = internal::ParseJson(expected_text);
  if (!parsed.ok()) return {expected_path + ": " + parsed.status().message()};
  const JsonValue& exp = *parsed;
  ExtractOptions options;
  if (const JsonValue* d = exp.Find("date"); d && d->is_string()) options.date = d->as_string();
  StatusOr<Article> extracted = ExtractPlainText(input, input_path, options);
  if (!extracted.ok()) return {"extraction failed: " + extracted.status().message()};
  const Article& a = *extracted;
  errors = CheckSpans(a);

  if (const JsonValue* art = exp.Find("article")) {
    auto check_field = [&](const char* key, const std::optional<std::string>& actual) {
      const JsonValue* v = art->Find(key);
      if (v && v->is_string() && (!actual || *actual != v->as_string())) {
        errors.push_back(std::string("article.") + key + ": want '" + v->as_string() + "', got '" + OrNull(actual) + "'");
      }
    };
    check_field("date", a.date);
    check_field("publisher", a.publisher);
    check_field("title", a.title);
    if (const JsonValue* cites = art->Find("cites")) {
      for (const JsonValue& c : cites->items()) {
        if (std::find(a.cites.begin(), a.cites.end(), c.as_string()) == a.cites.end()) {
          errors.push_back("article.cites: missing '" + c.as_string() + "'");
        }
      }
    }
    if (const JsonValue* gone = art->Find("boilerplate_removed")) {
      for (const JsonValue& b : gone->items()) {
        if (a.text.find(b.as_string()) != std::string::npos) {
          errors.push_back("boilerplate still in text: '" + b.as_string() + "'");
        }
      }
    }
  }
  if (const JsonValue* people = exp.Find("people")) {
    for (const JsonValue& p : people->items()) {
      std::string name = p.GetString("name");
      auto it = std::find_if(a.people.begin(), a.people.end(), [&](const Person& x) { return x.name == name; });
      if (it == a.people.end()) {
        errors.push_back("person missing: " + name);
        continue;
      }
      if (const JsonValue* titles = p.Find("titles")) {
        for (const JsonValue& t : titles->items()) {
          if (std::find(it->titles.begin(), it->titles.end(), t.as_string()) == it->titles.end()) {
            errors.push_back("person " + name + ": missing title '" + t.as_string() + "'");
          }
        }
      }
      if (const JsonValue* aliases = p.Find("aliases")) {
        for (const JsonValue& al : aliases->items()) {
          bool found = std::find(it->aliases.begin(), it->aliases.end(), al.as_string()) != it->aliases.end();
          if (!found) errors.push_back("person " + name + ": no alias '" + al.as_string() + "'");
        }
      }
    }
  }
  if (const JsonValue* quotes = exp.Find("quotes")) {
    for (const JsonValue& q : quotes->items()) {
      std::string fragment = q.GetString("content_fragment");
      const Quote* found = FindQuote(a, fragment);
      std::string what = "quote '" + fragment + "'";
      if (!found) {
        errors.push_back(what + ": not found");
        continue;
      }
      std::string type = q.GetString("type");
      if (!type.empty() && type != QuoteTypeName(found->type)) {
        errors.push_back(what + ": type want " + type + ", got " + QuoteTypeName(found->type));
      }
      if (const JsonValue* s = q.Find("speaker"); s && s->is_string() && OrNull(found->speaker) != s->as_string()) {
        errors.push_back(what + ": speaker want '" + s->as_string() + "', got '" + OrNull(found->speaker) + "'");
      }
      if (const JsonValue* c = q.Find("cue"); c && c->is_string()) {
        std::string got = found->cue ? found->cue->text : "null";
        if (Lower(got) != Lower(c->as_string())) errors.push_back(what + ": cue want '" + c->as_string() + "', got '" + got + "'");
      }
      if (const JsonValue* ad = q.Find("addressee"); ad && ad->is_string() && OrNull(found->addressee) != ad->as_string()) {
        errors.push_back(what + ": addressee want '" + ad->as_string() + "', got '" + OrNull(found->addressee) + "'");
      }
      if (const JsonValue* d = q.Find("date"); d && d->is_string() && OrNull(found->date) != d->as_string()) {
        errors.push_back(what + ": date want '" + d->as_string() + "', got '" + OrNull(found->date) + "'");
      }
      if (const JsonValue* parts = q.Find("parts"); parts && parts->is_number() &&
          static_cast<size_t>(parts->as_number()) != found->parts.size()) {
        errors.push_back(what + ": want " + std::to_string(static_cast<int>(parts->as_number())) + " parts, got " +
                         std::to_string(found->parts.size()));
      }
    }
  }
  if (const JsonValue* none = exp.Find("no_speaker_for")) {
    for (const JsonValue& f : none->items()) {
      for (const Quote& q : a.quotes) {
        if (q.content.text.find(f.as_string()) != std::string::npos && q.speaker) {
          errors.push_back("'" + f.as_string() + "' should have no speaker, got '" + *q.speaker + "'");
        }
      }
    }
  }
  if (const JsonValue* events = exp.Find("events")) {
    for (const JsonValue& e : events->items()) {
      std::string text = e.GetString("text"), date = e.GetString("date");
      bool found = std::any_of(a.events.begin(), a.events.end(), [&](const TimeMention& t) {
        return t.span.text == text && t.date && *t.date == date;
      });
      if (!found) errors.push_back("event '" + text + "' -> " + date + " not found");
    }
  }
  return errors;
}

}  // namespace whosaid::testing
