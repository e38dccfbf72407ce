# SYNTAX TEST "source.routeros" "blocks, substitutions, groups and continuation"
:if ($a > 1) do={
#            ^^ keyword.control.flow.routeros
#               ^ meta.block.routeros punctuation.section.block.begin.routeros
#   ^ meta.group.routeros punctuation.section.parens.begin.routeros
  :put [:len [/ip route find where dst-address=0.0.0.0/0]]
# ^^^^ meta.block.routeros keyword.control.global.routeros
#            ^ meta.substitution.command.routeros punctuation.section.brackets.begin.routeros
#                       ^^^^ meta.substitution.command.routeros meta.substitution.command.routeros entity.name.function.command.routeros
#                                              ^^^^^^^^^ constant.numeric.ipv4.routeros
} else={
# <- meta.block.routeros punctuation.section.block.end.routeros
# ^^^^ keyword.control.flow.routeros
  :put "small"
#      ^^^^^^^ meta.block.routeros string.quoted.double.routeros
}
# <- punctuation.section.block.end.routeros
:put 1; :put 2
#     ^ punctuation.terminator.statement.routeros
#       ^^^^ keyword.control.global.routeros
/interface pppoe-client add name=pppoe-out1 \
#                                           ^ constant.character.escape.line-continuation.routeros
    interface=ether1 add-default-route=yes
#   ^^^^^^^^^ meta.statement.command.routeros variable.parameter.routeros
#                                      ^^^ meta.statement.command.routeros constant.language.boolean.routeros
:put "after"
# <---- meta.statement.global.routeros keyword.control.global.routeros
:local a {name="x";ip=1.2.3.4}
#         ^^^^ meta.block.routeros variable.parameter.routeros
#                     ^^^^^^^ meta.block.routeros constant.numeric.ipv4.routeros
/system script add name=s source={
#                         ^^^^^^ variable.parameter.routeros
#                                ^ meta.block.routeros punctuation.section.block.begin.routeros
    :log info "from a brace script"
#   ^^^^ meta.block.routeros keyword.control.global.routeros
}
# <- meta.block.routeros punctuation.section.block.end.routeros
:put "outside again"
#    ^^^^^^^^^^^^^^^ string.quoted.double.routeros - meta.block.routeros
:put [/interface get [find name=ether1] mtu]
#                ^^^ entity.name.function.command.routeros
#                                       ^^^ string.unquoted.routeros
# A backslash elsewhere in code is illegal on the device.
:put 1 \ 2
#      ^ invalid.illegal.backslash.routeros
# A # inside an array is an error on the device; the comment must not swallow the closing brace (or the scope
# of the block would run to the end of the file).
:local a {1;#x}
#           ^^ meta.block.routeros comment.line.number-sign.routeros
#             ^ meta.block.routeros punctuation.section.block.end.routeros - comment.line.number-sign.routeros
:put "after the array"
#    ^^^^^^^^^^^^^^^^^ string.quoted.double.routeros - meta.block.routeros
:put [:len [#x]]
#           ^^ meta.substitution.command.routeros comment.line.number-sign.routeros
#             ^^ punctuation.section.brackets.end.routeros - comment.line.number-sign.routeros
:put "after the substitution"
#    ^^^^^^^^^^^^^^^^^^^^^^^^ string.quoted.double.routeros - meta.substitution.command.routeros
# Commented-out code with its own braces stays one comment; the block ends at its own brace.
:if (true) do={
  # :foreach i in={1;2} do={ :put $i }
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ meta.block.routeros comment.line.number-sign.routeros
}
# <- meta.block.routeros punctuation.section.block.end.routeros
:put "after the block"
#    ^^^^^^^^^^^^^^^^^ string.quoted.double.routeros - meta.block.routeros
/system script add name=e source=":local a {1;#x}; :put \"in code\""
#                                                       ^^^^^^^^^^^ meta.embedded.block.routeros string.quoted.double.routeros - meta.block.routeros
