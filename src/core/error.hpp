// One error type for failures ordinary input can cause. The CLI catches it
// once and prints "claimtrail: error: <input>: <why>".
#pragma once

#include <stdexcept>
#include <string>

namespace claimtrail::core {

class Error : public std::runtime_error {
 public:
  // `input` names what was being read (a file, "-", a store path); may be empty.
  Error(std::string input, const std::string& why)
      : std::runtime_error(input.empty() ? why : input + ": " + why), input_(std::move(input)) {}
  const std::string& input() const { return input_; }

 private:
  std::string input_;
};

}  // namespace claimtrail::core
