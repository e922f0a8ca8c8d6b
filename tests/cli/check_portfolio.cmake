# Runs `openpick portfolio` on small documents written here and checks exit status and output.
# cmake -DOPENPICK=<exe> -DWORK=<scratch folder> -P check_portfolio.cmake
file(MAKE_DIRECTORY ${WORK})

# expect_portfolio(name text expected_rc stdout_or_stderr_substring...)
function(expect_portfolio name text expected_rc)
  file(WRITE ${WORK}/${name}.json "${text}")
  execute_process(COMMAND ${OPENPICK} portfolio ${WORK}/${name}.json
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL expected_rc)
    message(FATAL_ERROR "${name}: exit ${rc}, expected ${expected_rc}\nstdout:\n${out}\nstderr:\n${err}")
  endif()
  foreach(want ${ARGN})
    string(FIND "${out}${err}" "${want}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "${name}: output lacks '${want}'\nstdout:\n${out}\nstderr:\n${err}")
    endif()
  endforeach()
  set(last_out "${out}" PARENT_SCOPE)
  message(STATUS "${name}: ok")
endfunction()

function(expect_json_equal name json_text expected)
  string(JSON got GET "${json_text}" ${ARGN})
  if(NOT "${got}" STREQUAL "${expected}")
    message(FATAL_ERROR "${name}: ${ARGN} is '${got}', expected '${expected}'\n${json_text}")
  endif()
endfunction()

function(expect_json_length name json_text expected)
  string(JSON got LENGTH "${json_text}" ${ARGN})
  if(NOT "${got}" STREQUAL "${expected}")
    message(FATAL_ERROR "${name}: length of ${ARGN} is '${got}', expected '${expected}'\n${json_text}")
  endif()
endfunction()

set(three [=[{"options": [{"id": "A", "p": 0.3, "utility": 1},
                          {"id": "B", "p": 0.8, "utility": 0.6},
                          {"id": "C", "p": 0.5, "utility": 0.9}], "max_applications": 2}]=])
# Numbers are checked as printed (shortest round trip): CMake's JSON reader would reprint them.
expect_portfolio(order "${three}" 0 "0.48,\n" "0.69\n")
expect_json_equal(order "${last_out}" B order 0)
expect_json_equal(order "${last_out}" C order 1)
expect_json_length(order "${last_out}" 3 value_by_count)

expect_portfolio(budget [=[{"options": [{"id": "A", "p": 0.3, "utility": 1, "cost": 11},
                                        {"id": "B", "p": 0.8, "utility": 0.6, "cost": 11},
                                        {"id": "C", "p": 0.5, "utility": 0.9, "cost": 30}],
                            "budget": 41}]=] 0 "\"value\": 0.69,")
expect_json_equal(budget "${last_out}" B chosen 0)
expect_json_equal(budget "${last_out}" C chosen 1)
expect_json_equal(budget "${last_out}" 41 cost)

expect_portfolio(empty [=[{"options": []}]=] 0)
expect_json_length(empty "${last_out}" 1 value_by_count)

expect_portfolio(bad_fields [=[{"options": [{"id": "A", "p": 1.3, "utility": -1, "cost": 1.5},
                                            {"id": "A", "p": "x"}, 7], "max_aplications": 3}]=] 1
                 "max_aplications: unknown field"
                 "options[0].p: expected a chance in [0, 1], got 1.3"
                 "options[0].utility: expected a finite number >= 0, got -1"
                 "options[0].cost: expected a whole number >= 0, got number 1.5"
                 "options[1].id: duplicate id \"A\""
                 "options[1].p: expected a chance in [0, 1], got string"
                 "options[1].utility: missing"
                 "options[2]: expected an object")
expect_portfolio(nan [=[{"options": [{"id": "A", "p": NaN, "utility": 1}]}]=] 1
                 "nan.json:1:31: error: not valid JSON")
expect_portfolio(not_object "[1, 2]" 1 "expected an object {\"options\": [...]}, got array")
expect_portfolio(no_options "{}" 1 "options: missing")
expect_portfolio(budget_no_cost [=[{"options": [{"id": "A", "p": 0.5, "utility": 1}], "budget": 10}]=] 1
                 "options[0].cost: missing; with a budget every option needs")
expect_portfolio(both_limits [=[{"options": [], "budget": 10, "max_applications": 2}]=] 1
                 "give max_applications or budget, not both")
expect_portfolio(huge_budget [=[{"options": [{"id": "A", "p": 0.5, "utility": 1, "cost": 1},
                                             {"id": "B", "p": 0.5, "utility": 1, "cost": 3}],
                                 "budget": 9007199254740992}]=] 1 "too large to solve exactly")
string(REPEAT "[" 5000 open)
string(REPEAT "]" 5000 close)
expect_portfolio(deep "${open}${close}" 1 "nested deeper than 64 levels")

execute_process(COMMAND ${OPENPICK} portfolio ${WORK}/no_such_file.json RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 1 OR NOT err MATCHES "cannot read the file: No such file or directory")
  message(FATAL_ERROR "missing file: exit ${rc}\n${err}")
endif()
execute_process(COMMAND ${OPENPICK} portfolio RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 2)
  message(FATAL_ERROR "no argument: exit ${rc}, expected 2 (usage)\n${err}")
endif()
message(STATUS "missing file, no argument: ok")
