// The reader's JSON API: /api/quotes, /api/quotes/{id}, /api/people/{id},
// /api/articles/{id} and /api/health.
#include <algorithm>

#include "src/server/reader_app.h"
#include "src/store/quote_hit_json.h"
#include "src/util/json.h"
#include "whosaid/pipeline.h"

namespace whosaid::internal {
namespace {

void WriteOptional(const char* key, const std::optional<std::string>& v, JsonWriter* w) {
  w->Key(key);
  if (v) w->String(*v); else w->Null();
}

void WriteCounts(const std::vector<std::pair<std::string, int64_t>>& counts, JsonWriter* w) {
  w->BeginArray();
  for (const auto& [name, n] : counts) {
    w->BeginObject();
    w->Key("name"); w->String(name);
    w->Key("count"); w->Int(n);
    w->EndObject();
  }
  w->EndArray();
}

}  // namespace

HttpResponse ReaderApp::ApiQuotes(const QueryParams& params) {
  QuoteQuery query;
  if (std::optional<BadParameter> bad = ParseQuoteQuery(params, &query)) {
    return JsonError(400, bad->name, bad->message);
  }
  int limit = query.limit;
  query.limit = limit + 1;  // One more tells whether there is a next page.
  StatusOr<std::vector<QuoteHit>> hits = store_->SearchQuotes(query);
  if (!hits.ok()) {
    int status = HttpStatusFor(hits.status());
    return JsonError(status, status == 400 ? "q" : "", status == 400 ? hits.status().message() : "search failed");
  }
  bool more = static_cast<int>(hits->size()) > limit;
  if (more) hits->resize(limit);
  std::string body;
  JsonWriter w(&body);
  w.BeginObject();
  w.Key("query");
  w.BeginObject();
  w.Key("q"); w.String(query.text);
  WriteOptional("speaker", query.speaker, &w);
  WriteOptional("outlet", query.outlet, &w);
  WriteOptional("from", query.from, &w);
  WriteOptional("to", query.to, &w);
  w.Key("type");
  if (query.type) w.String(QuoteTypeName(*query.type)); else w.Null();
  w.EndObject();
  w.Key("limit"); w.Int(limit);
  w.Key("offset"); w.Int(query.offset);
  w.Key("count"); w.Int(static_cast<int64_t>(hits->size()));
  w.Key("next_offset");
  if (more) w.Int(query.offset + limit); else w.Null();
  w.Key("results");
  w.BeginArray();
  for (const QuoteHit& h : *hits) WriteQuoteHitJson(h, &w);
  w.EndArray();
  w.EndObject();
  return JsonResponse(200, std::move(body));
}

HttpResponse ReaderApp::ApiQuote(int64_t id) {
  StatusOr<QuoteCluster> c = store_->GetQuoteCluster(id);
  if (!c.ok()) return JsonError(HttpStatusFor(c.status()), "", c.status().code() == Status::Code::kNotFound ? "no quote with id " + std::to_string(id) : "lookup failed");
  std::string body;
  JsonWriter w(&body);
  w.BeginObject();
  w.Key("quote_id"); w.Int(id);
  w.Key("cluster_id"); w.Int(c->id);
  w.Key("text"); w.String(c->text);
  w.Key("speaker"); w.String(c->speaker);
  w.Key("first_date"); w.String(c->first_date);
  w.Key("first_outlet"); w.String(c->first_outlet);
  w.Key("occurrences"); w.Int(c->occurrences);
  w.Key("outlets");
  w.BeginArray();
  for (const std::string& o : c->outlets) w.String(o);
  w.EndArray();
  w.Key("members");
  w.BeginArray();
  for (const QuoteHit& h : c->members) WriteQuoteHitJson(h, &w);
  w.EndArray();
  w.EndObject();
  return JsonResponse(200, std::move(body));
}

std::vector<QuoteHit> ReaderApp::Timeline(const PersonRecord& person, int64_t id) {
  QuoteQuery q;
  q.speaker = person.name;
  q.limit = kMaxLimit;
  StatusOr<std::vector<QuoteHit>> hits = store_->SearchQuotes(q);
  std::vector<QuoteHit> timeline;
  if (hits.ok()) {
    for (QuoteHit& h : *hits) {
      if (h.person_id == id) timeline.push_back(std::move(h));
    }
  }
  std::stable_sort(timeline.begin(), timeline.end(),
                   [](const QuoteHit& a, const QuoteHit& b) { return a.date < b.date; });
  return timeline;
}

HttpResponse ReaderApp::ApiPerson(int64_t id) {
  StatusOr<PersonRecord> p = store_->GetPerson(id);
  if (!p.ok()) return JsonError(HttpStatusFor(p.status()), "", p.status().code() == Status::Code::kNotFound ? "no person with id " + std::to_string(id) : "lookup failed");
  std::vector<QuoteHit> timeline = Timeline(*p, id);
  std::string body;
  JsonWriter w(&body);
  w.BeginObject();
  w.Key("id"); w.Int(p->id);
  w.Key("name"); w.String(p->name);
  w.Key("is_organization"); w.Bool(p->is_organization);
  w.Key("titles");
  w.BeginArray();
  for (const std::string& t : p->titles) w.String(t);
  w.EndArray();
  w.Key("aliases");
  w.BeginArray();
  for (const std::string& a : p->aliases) w.String(a);
  w.EndArray();
  w.Key("quote_count"); w.Int(p->quote_count);
  w.Key("top_addressees"); WriteCounts(p->top_addressees, &w);
  w.Key("top_outlets"); WriteCounts(p->top_outlets, &w);
  w.Key("timeline");
  w.BeginArray();
  for (const QuoteHit& h : timeline) WriteQuoteHitJson(h, &w);
  w.EndArray();
  w.EndObject();
  return JsonResponse(200, std::move(body));
}

HttpResponse ReaderApp::ApiArticle(int64_t id) {
  StatusOr<ArticleRecord> a = store_->GetArticle(id);
  if (!a.ok()) return JsonError(HttpStatusFor(a.status()), "", a.status().code() == Status::Code::kNotFound ? "no article with id " + std::to_string(id) : "lookup failed");
  std::string body;
  JsonWriter w(&body);
  w.BeginObject();
  w.Key("id"); w.Int(a->id);
  w.Key("quote_ids");
  w.BeginArray();
  for (int64_t q : a->quote_ids) w.Int(q);
  w.EndArray();
  w.Key("person_ids");
  w.BeginArray();
  for (int64_t q : a->person_ids) w.Int(q);
  w.EndArray();
  w.Key("syndication_group"); w.Int(a->syndication_group);
  w.Key("syndicated_copies");
  w.BeginArray();
  for (int64_t q : a->syndicated_copies) w.Int(q);
  w.EndArray();
  w.EndObject();
  // The article itself in whosaid's record format (offsets in code points).
  body.pop_back();
  body += ",\"article\":";
  body += ArticleToJson(a->article, /*pretty=*/false);
  body += "}";
  return JsonResponse(200, std::move(body));
}

HttpResponse ReaderApp::ApiHealth() {
  StatusOr<StoreStats> s = store_->Stats();
  if (!s.ok()) return JsonError(HttpStatusFor(s.status()), "", "the index cannot be read");
  std::string body;
  JsonWriter w(&body);
  w.BeginObject();
  w.Key("status"); w.String("ok");
  w.Key("articles"); w.Int(s->articles);
  w.Key("quotes"); w.Int(s->quotes);
  w.Key("people"); w.Int(s->people);
  w.Key("outlets"); w.Int(s->outlets);
  w.Key("clusters"); w.Int(s->clusters);
  w.EndObject();
  return JsonResponse(200, std::move(body));
}

}  // namespace whosaid::internal
