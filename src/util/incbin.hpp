// A file placed in the program's read-only data by the assembler: the
// learned models (data/model/*.bin), too large for a generated C++ array.
//
//   CLAIMTRAIL_INCBIN(claimtrail_language_model, CLAIMTRAIL_LANGUAGE_FILE)
//
// at namespace scope in one source file defines `claimtrail_language_model_bytes()`,
// the file's bytes. FILE is a string literal (a path, from the build).
#pragma once
#include <cstddef>
#include <string_view>

#define CLAIMTRAIL_INCBIN(NAME, FILE)   \
  asm(".section .rodata\n"              \
      ".balign 16\n"                    \
      ".global " #NAME "_begin\n" #NAME \
      "_begin:\n"                       \
      ".incbin \"" FILE                 \
      "\"\n"                            \
      ".global " #NAME "_end\n" #NAME   \
      "_end:\n"                         \
      ".byte 0\n"                       \
      ".previous\n");                   \
  extern "C" const char NAME##_begin[]; \
  extern "C" const char NAME##_end[];   \
  static std::string_view NAME##_bytes() { return {NAME##_begin, static_cast<std::size_t>(NAME##_end - NAME##_begin)}; }
