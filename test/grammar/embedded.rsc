# SYNTAX TEST "source.routeros" "code inside script-valued strings"
/ppp profile add name=p on-up="/log info \"user $user up\"; :put \$user"
#                       ^^^^^ variable.parameter.routeros
#                             ^ string.quoted.double.routeros punctuation.definition.string.begin.routeros
#                              ^ meta.embedded.block.routeros meta.statement.command.routeros punctuation.separator.path.routeros
#                               ^^^ meta.embedded.block.routeros entity.name.tag.path.routeros
#                                        ^^ meta.embedded.block.routeros string.quoted.double.routeros punctuation.definition.string.begin.routeros
#                                               ^^^^^ meta.embedded.block.routeros string.quoted.double.routeros variable.other.routeros
#                                                         ^ meta.embedded.block.routeros punctuation.terminator.statement.routeros
#                                                           ^^^^ meta.embedded.block.routeros keyword.control.global.routeros
#                                                                ^^ meta.embedded.block.routeros variable.other.routeros constant.character.escape.routeros
#                                                                      ^ string.quoted.double.routeros punctuation.definition.string.end.routeros
/tool netwatch add host=8.8.8.8 type=icmp up-script="/ip route set [find comment=\"wan1\"] distance=1" down-script=":log warning \"down\""
#                                                              ^^^ meta.embedded.block.routeros entity.name.function.command.routeros
#                                                                   ^^^^ meta.embedded.block.routeros meta.substitution.command.routeros entity.name.function.command.routeros
#                                                                                ^^^^^^^^ meta.embedded.block.routeros string.quoted.double.routeros
#                                                                                          ^^^^^^^^ meta.embedded.block.routeros variable.parameter.routeros
#                                                                                                      ^^^^^^^^^^^ variable.parameter.routeros - meta.embedded.block.routeros
#                                                                                                                   ^^^^ meta.embedded.block.routeros keyword.control.global.routeros
# Escapes of the outer string still count inside the code; \r\n are line breaks of the code.
/system script add name=a source=":local x 1\r\n# note\r\n:put \"tab\there\"\q"
#                                           ^^^^ meta.embedded.block.routeros constant.character.escape.newline.routeros
#                                               ^^^^^^ meta.embedded.block.routeros comment.line.number-sign.routeros
#                                                                   ^^ meta.embedded.block.routeros string.quoted.double.routeros constant.character.escape.routeros
#                                                                           ^^ meta.embedded.block.routeros invalid.illegal.unknown-escape.routeros
/system scheduler add name=s interval=1h on-event="/system script run backup"
#                                        ^^^^^^^^ variable.parameter.routeros
#                                                                 ^^^ meta.embedded.block.routeros entity.name.tag.path.routeros
#                                     ^^ constant.numeric.time.routeros
/ip dhcp-server set dhcp1 lease-script=":if (\$leaseBound = 1) do={ :log info \$leaseActIP }"
#                                            ^^^^^^^^^^^^ meta.embedded.block.routeros meta.group.routeros variable.other.routeros
#                                                              ^^ meta.embedded.block.routeros keyword.control.flow.routeros
#                                                                 ^ meta.embedded.block.routeros meta.block.routeros punctuation.section.block.begin.routeros
# Export style: the script string continues over lines with a trailing backslash.
/system script add name=b source="/ip address\r\
#                                     ^^^^^^^ meta.embedded.block.routeros entity.name.tag.path.routeros
    \nadd address=10.0.0.1/24 interface=ether1"
#   ^^ meta.embedded.block.routeros constant.character.escape.newline.routeros
#     ^^^ meta.embedded.block.routeros entity.name.function.command.routeros
#                 ^^^^^^^^^^^ meta.embedded.block.routeros constant.numeric.ipv4.routeros
#                                             ^ string.quoted.double.routeros punctuation.definition.string.end.routeros
# Nested quoting: \\\" is a quote inside a string inside the script.
/ppp profile add name=q on-down=":log info \"say \\\"hi\\\"\""
#                                                ^^^^ meta.embedded.block.routeros string.quoted.double.routeros constant.character.escape.routeros
/interface pppoe-client add name=x interface=ether1 disabled=no
#                       ^^^ entity.name.function.command.routeros - meta.embedded.block.routeros
# A string that is not a script value stays a plain string.
/ip firewall filter add chain=input comment="/ip route set x"
#                                            ^^^^^^^^^^^^^^^ string.quoted.double.routeros - meta.embedded.block.routeros entity.name.tag.path.routeros
/system script add name=c source="# only a comment"
#                                 ^^^^^^^^^^^^^^^^ meta.embedded.block.routeros comment.line.number-sign.routeros
:put "after the embedded strings"
#    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ string.quoted.double.routeros - meta.embedded.block.routeros
# Every script-valued parameter of the parser (server/src/core/scriptParameters.ts) holds code here too.
/ip hotspot user profile set default on-login=":log info \"in\"" on-logout="/ip address print"
#                                    ^^^^^^^^ variable.parameter.routeros
#                                               ^^^ meta.embedded.block.routeros keyword.control.global.routeros
#                                                                            ^^ meta.embedded.block.routeros entity.name.tag.path.routeros
:retry command="/tool fetch url=\"http://192.0.2.1/\"" delay=1 max=3
#      ^^^^^^^ variable.parameter.routeros
#               ^ meta.embedded.block.routeros punctuation.separator.path.routeros
#                ^^^^ meta.embedded.block.routeros entity.name.tag.path.routeros
:if (true) do=":put 1" else=":put 2"
#          ^^ keyword.control.flow.routeros
#              ^^^^ meta.embedded.block.routeros keyword.control.global.routeros
#                      ^^^^ keyword.control.flow.routeros
