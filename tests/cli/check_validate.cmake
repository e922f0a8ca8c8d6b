# Runs `openpick validate` on fixture files and checks its exit status and output.
# cmake -DOPENPICK=<exe> -DDATA=<tests/data> -DSOURCE=<repo> -P check_validate.cmake
# (ctest cannot check an exit status of 1 and a line of output at once without a script.)
function(expect_run name expected_rc expected_output)
  execute_process(COMMAND ${OPENPICK} validate ${ARGN}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL expected_rc)
    message(FATAL_ERROR "${name}: exit ${rc}, expected ${expected_rc}\nstdout:\n${out}\nstderr:\n${err}")
  endif()
  if(NOT "${expected_output}" STREQUAL "")
    string(FIND "${out}" "${expected_output}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "${name}: stdout lacks '${expected_output}'\nstdout:\n${out}")
    endif()
  endif()
  message(STATUS "${name}: ok")
endfunction()

expect_run("valid files" 0 ""
           ${DATA}/good/dataset_small.json ${DATA}/good/programs_excel.csv
           ${SOURCE}/assets/templates/programs_template.csv)
expect_run("one bad file among good ones" 1
           "profile_nan.json:37:17: error: NaN and Infinity are not JSON numbers"
           ${DATA}/good/dataset_small.json ${DATA}/bad/profile_nan.json)
expect_run("a bad CSV cell" 1
           "programs_share_45.csv:2:10: error: img_share: expected the share of residents"
           ${DATA}/bad/programs_share_45.csv)
expect_run("an unreadable file" 1 "error: cannot read the file"
           ${DATA}/no_such_file.json)
expect_run("no files" 2 "")
