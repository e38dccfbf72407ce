# SYNTAX TEST "source.routeros" "strings, escapes and interpolation"
:put "a\"b\\c\nd\re\tf\$g\_h\?i\aj\bk\fl\vm"
#      ^^ constant.character.escape.routeros
#         ^^ constant.character.escape.routeros
#            ^^ constant.character.escape.routeros
#               ^^ constant.character.escape.routeros
#                  ^^ constant.character.escape.routeros
#                     ^^ constant.character.escape.routeros
#                        ^^ constant.character.escape.routeros
#                           ^^ constant.character.escape.routeros
#                              ^^ constant.character.escape.routeros
#                                 ^^ constant.character.escape.routeros
#                                    ^^ constant.character.escape.routeros
#                                       ^^ constant.character.escape.routeros
:put "\48\45\4C\4C\4F"
#     ^^^ constant.character.escape.routeros
#           ^^^ constant.character.escape.routeros
# Lower-case hex, \x and unknown letters are errors on the device.
:put "\q \0a \x41 \ff"
#     ^^ invalid.illegal.unknown-escape.routeros
#        ^^ invalid.illegal.unknown-escape.routeros
#            ^^ invalid.illegal.unknown-escape.routeros
#                 ^^ constant.character.escape.routeros
#                   ^^ string.quoted.double.routeros - constant.character.escape.routeros
:put "Hello $name, $(1 + 2) and $[:len "abc"]"
#           ^^^^^ variable.other.routeros
#                  ^^ meta.interpolation.expression.routeros punctuation.section.interpolation.begin.routeros
#                      ^ meta.interpolation.expression.routeros keyword.operator.arithmetic.routeros
#                               ^^ meta.interpolation.command.routeros punctuation.section.interpolation.begin.routeros
#                                 ^^^^ meta.interpolation.command.routeros keyword.control.global.routeros
#                                      ^^^^^ meta.interpolation.command.routeros string.quoted.double.routeros
# A backslash at the end of a line continues the string on the next line.
:put "first part \
#                ^ string.quoted.double.routeros constant.character.escape.line-continuation.routeros
    # still string"
#   ^^^^^^^ string.quoted.double.routeros - comment.line.number-sign.routeros
:put "a\ b"
#      ^^ constant.character.escape.line-continuation.routeros
