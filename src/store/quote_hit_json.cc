#include "src/store/quote_hit_json.h"

namespace whosaid::internal {

void WriteQuoteHitJson(const QuoteHit& h, JsonWriter* w) {
  w->BeginObject();
  w->Key("id"); w->Int(h.id);
  w->Key("type"); w->String(QuoteTypeName(h.type));
  w->Key("text"); w->String(h.text);
  w->Key("speaker"); w->String(h.speaker);
  w->Key("person_id");
  if (h.person_id) w->Int(*h.person_id); else w->Null();
  w->Key("cue"); w->String(h.cue);
  w->Key("addressee"); w->String(h.addressee);
  w->Key("date"); w->String(h.date);
  w->Key("outlet"); w->String(h.outlet);
  w->Key("article_id"); w->Int(h.article_id);
  w->Key("article_title"); w->String(h.article_title);
  w->Key("article_url"); w->String(h.article_url);
  w->Key("article_date"); w->String(h.article_date);
  w->Key("start"); w->Int(h.start);
  w->Key("end"); w->Int(h.end);
  w->Key("cluster_id"); w->Int(h.cluster_id);
  w->Key("first_seen_date"); w->String(h.first_seen_date);
  w->Key("first_seen_outlet"); w->String(h.first_seen_outlet);
  w->Key("first_seen_article_id"); w->Int(h.first_seen_article_id);
  w->Key("occurrences"); w->Int(h.occurrences);
  w->Key("score"); w->Double(h.score);
  w->EndObject();
}

}  // namespace whosaid::internal
