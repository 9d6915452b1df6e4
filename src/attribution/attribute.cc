#include "whosaid/pipeline.h"

namespace whosaid {

void AttributeArticle(Article* article) { (void)article; }

}  // namespace whosaid
