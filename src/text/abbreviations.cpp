#include "text/abbreviations.hpp"

#include "util/ascii.hpp"
#include "util/embedded.hpp"
#include "util/tsv.hpp"

namespace claimtrail::text {

Abbreviations::Abbreviations() {
  util::for_each_tsv_row(lexicon_data::get("abbreviations.tsv"), [&](const auto& f) {
    const AbbrevKind kind = f.size() > 1 && f[1] == "title"   ? AbbrevKind::title
                            : f.size() > 1 && f[1] == "month" ? AbbrevKind::month
                                                              : AbbrevKind::other;
    abbrevs_.emplace(util::ascii_lower(f[0]), kind);
  });
  util::for_each_tsv_row(lexicon_data::get("starters.tsv"),
                         [&](const auto& f) { starters_.insert(util::ascii_lower(f[0])); });
}

const AbbrevKind* Abbreviations::find(std::string_view lower_with_period) const {
  auto it = abbrevs_.find(std::string(lower_with_period));
  return it == abbrevs_.end() ? nullptr : &it->second;
}

}  // namespace claimtrail::text
