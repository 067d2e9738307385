# embed_files(<out-var> OUTPUT <file.cpp> NAMESPACE <ns> FILES <f>...)
# Generates a C++ source defining, in <ns>, a function
#   std::string_view get(std::string_view name)
# returning the bytes of the embedded file named <name> (its file name), or an
# empty view when unknown. Regenerated whenever an input changes.
function(embed_files out_var)
  cmake_parse_arguments(EF "" "OUTPUT;NAMESPACE" "FILES" ${ARGN})
  add_custom_command(
    OUTPUT ${EF_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${EF_OUTPUT} -DNAMESPACE=${EF_NAMESPACE}
            "-DFILES=${EF_FILES}" -P ${CMAKE_SOURCE_DIR}/cmake/EmbedFilesScript.cmake
    DEPENDS ${EF_FILES} ${CMAKE_SOURCE_DIR}/cmake/EmbedFilesScript.cmake
    COMMENT "Embedding ${EF_NAMESPACE} data files"
    VERBATIM)
  set(${out_var} ${EF_OUTPUT} PARENT_SCOPE)
endfunction()
