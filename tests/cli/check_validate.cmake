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

# An applicant's own sheet: it validates, and stderr says where each column went, one
# line per column; the template and a file in its columns get no such lines.
execute_process(COMMAND ${OPENPICK} validate ${DATA}/good/programs_own_sheet.csv
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "own sheet: exit ${rc}, expected 0\nstdout:\n${out}\nstderr:\n${err}")
endif()
foreach(line "programs_own_sheet.csv: column A \"Program Name\" -> name\n"
             "programs_own_sheet.csv: column G \"IMG %\" -> img_share\n"
             "programs_own_sheet.csv: column I \"Visa sponsorship\" -> visa\n"
             "programs_own_sheet.csv: column N \"Notes\" -> not read\n"
             "programs_own_sheet.csv: no id column: ids are made from name, specialty and state\n")
  string(FIND "${err}" "${line}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "own sheet: stderr lacks '${line}'\nstderr:\n${err}")
  endif()
endforeach()
string(REGEX MATCHALL "programs_own_sheet.csv: column [A-Z]+ " columns "${err}")
list(LENGTH columns n)
if(NOT n EQUAL 14)
  message(FATAL_ERROR "own sheet: ${n} column lines on stderr, expected 14 (one per column)\nstderr:\n${err}")
endif()
message(STATUS "own sheet mapping on stderr: ok")

execute_process(COMMAND ${OPENPICK} validate ${SOURCE}/assets/templates/programs_template.csv
                        ${DATA}/good/programs_excel.csv
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(FIND "${err}" " -> " at)
if(NOT rc EQUAL 0 OR NOT at EQUAL -1)
  message(FATAL_ERROR "template: exit ${rc} (expected 0), and no mapping lines expected\nstderr:\n${err}")
endif()
message(STATUS "template says no mapping: ok")

expect_run("an ambiguous visa cell" 1
           "programs_visa_ambiguous.csv:2:4: error: visa: expected the visas the program sponsors"
           ${DATA}/bad/programs_visa_ambiguous.csv)
