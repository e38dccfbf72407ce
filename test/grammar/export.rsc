# SYNTAX TEST "source.routeros" "a RouterOS v7 export"
# 2026-01-13 12:51:42 by RouterOS 7.12.1
# <------ comment.line.number-sign.routeros
# software id = 13ER-6PI0
# <---------- comment.line.number-sign.routeros
#
# <- comment.line.number-sign.routeros
/interface bridge
#^^^^^^^^^ entity.name.tag.path.routeros
#          ^^^^^^ entity.name.tag.path.routeros
add igmp-snooping=yes multicast-querier=yes name=bridge
# <--- entity.name.function.command.routeros
#   ^^^^^^^^^^^^^ variable.parameter.routeros
/interface ethernet
#          ^^^^^^^^ entity.name.tag.path.routeros
set [ find default-name=ether6 ] name=ether6_CORE16
#                                     ^^^^^^^^^^^^^ string.unquoted.routeros
/interface l2tp-client
#          ^^^^^^^^^^^ entity.name.tag.path.routeros
add connect-to=vpn.example.com name=\
#              ^^^^^^^^^^^^^^^ string.unquoted.routeros
#                                   ^ constant.character.escape.line-continuation.routeros
    l2tp-out1 use-ipsec=yes user=vpn
#   ^^^^^^^^^ meta.statement.command.routeros string.unquoted.routeros
#             ^^^^^^^^^ meta.statement.command.routeros variable.parameter.routeros
/system script
#       ^^^^^^ entity.name.tag.path.routeros
add dont-require-permissions=no name=check policy=read,write,test source=":local n [/ip route print count-only \
#                                                                 ^^^^^^ variable.parameter.routeros
#                                                                         ^^^^^^ meta.embedded.block.routeros keyword.control.global.routeros
#                                                                                ^ meta.embedded.block.routeros variable.other.definition.routeros
#                                                                                             ^^^^^ meta.embedded.block.routeros entity.name.function.command.routeros
#                                                 ^^^^ string.unquoted.routeros
#                                                     ^ punctuation.separator.comma.routeros
    where dynamic]\r\
#   ^^^^^ meta.embedded.block.routeros keyword.other.where.routeros
#                ^ meta.embedded.block.routeros punctuation.section.brackets.end.routeros
    \n:if (\$n = 0) do={ :log warning \"no dynamic routes\" }"
#   ^^ meta.embedded.block.routeros constant.character.escape.newline.routeros
#     ^^^ meta.embedded.block.routeros keyword.control.global.routeros
#          ^^^ meta.embedded.block.routeros variable.other.routeros
#                                     ^^^^^^^^^^^^^^^^^^^^^ meta.embedded.block.routeros string.quoted.double.routeros
#                                                            ^ string.quoted.double.routeros punctuation.definition.string.end.routeros
/ip firewall mangle
#            ^^^^^^ entity.name.tag.path.routeros
add action=change-mss chain=forward new-mss=clamp-to-pmtu passthrough=yes protocol=tcp tcp-flags=syn
#                                           ^^^^^^^^^^^^^ string.unquoted.routeros
#                                                                                                ^^^ string.unquoted.routeros
