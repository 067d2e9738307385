#include "app/reextract.hpp"

#include "store/queries.hpp"

namespace claimtrail::app {

ReextractResult reextract(store::Store& st, const extract::Extractor& ex, std::optional<std::int64_t> only,
                          const std::string& parser) {
  ReextractResult result;
  std::vector<std::int64_t> ids;
  if (!only)
    ids = store::article_ids(st);
  else if (store::has_article(st, *only))
    ids = {*only};
  for (std::int64_t article : ids) {
    const core::Analysis analysis = ex.analyse(store::get_article(st, article).text);
    const store::ReplaceResult r = st.replace_analysis(article, analysis, parser);
    result.old_claims += r.old_claims;
    result.new_claims += r.new_claims;
    result.carried += r.carried;
    for (const auto& lost : r.not_carried)
      result.not_carried.push_back("article " + std::to_string(article) + ", claim " + std::to_string(lost.claim) +
                                   ": \"" + lost.text.substr(0, 80) + "\"");
    ++result.articles;
  }
  return result;
}

}  // namespace claimtrail::app
