// The JSON form of a stored quote (QuoteHit), shared by the CLI's jsonl
// output and the server's API so both speak the same record.
// Stateless and thread-safe.
#ifndef WHOSAID_STORE_QUOTE_HIT_JSON_H_
#define WHOSAID_STORE_QUOTE_HIT_JSON_H_

#include "src/util/json.h"
#include "whosaid/store.h"

namespace whosaid::internal {

// Writes `hit` as one JSON object; person_id is null when the speaker is
// not a stored person.
void WriteQuoteHitJson(const QuoteHit& hit, JsonWriter* w);

}  // namespace whosaid::internal

#endif  // WHOSAID_STORE_QUOTE_HIT_JSON_H_
