# SYNTAX TEST "source.routeros" "menu paths and the command position"
/ip firewall mangle add chain=forward
# <- punctuation.separator.path.routeros
#^^ entity.name.tag.path.routeros
#   ^^^^^^^^ entity.name.tag.path.routeros
#            ^^^^^^ entity.name.tag.path.routeros
#                   ^^^ entity.name.function.command.routeros
#                       ^^^^^ variable.parameter.routeros
/ip/firewall/mangle/add chain=forward
#  ^ punctuation.separator.path.routeros
#   ^^^^^^^^ entity.name.tag.path.routeros
#                  ^ punctuation.separator.path.routeros
#                   ^^^ entity.name.function.command.routeros
# A path alone changes the current menu, as in exports.
/ip address
#^^ entity.name.tag.path.routeros
#   ^^^^^^^ entity.name.tag.path.routeros
add address=192.168.88.1/24 interface=ether2
# <--- entity.name.function.command.routeros
#   ^^^^^^^ variable.parameter.routeros
#                           ^^^^^^^^^ variable.parameter.routeros
# The item selector after the verb is a value, not part of the path.
/interface pppoe-client set pppoe-out1 max-mtu=1492
#          ^^^^^^^^^^^^ entity.name.tag.path.routeros
#                       ^^^ entity.name.function.command.routeros
#                           ^^^^^^^^^^ string.unquoted.routeros - entity.name.tag.path.routeros
#                                      ^^^^^^^ variable.parameter.routeros
#                                              ^^^^ constant.numeric.integer.routeros
set [ find default-name=ether1 ] name=wan
# <--- entity.name.function.command.routeros
#     ^^^^ meta.substitution.command.routeros entity.name.function.command.routeros
#          ^^^^^^^^^^^^ meta.substitution.command.routeros variable.parameter.routeros
.. print
# <-- entity.name.tag.path.parent.routeros
#  ^^^^^ entity.name.function.command.routeros
/ping 8.8.8.8 count=3
#^^^^ entity.name.tag.path.routeros
#     ^^^^^^^ constant.numeric.ipv4.routeros
/interface print stats where name=pppoe-out1
#          ^^^^^ entity.name.function.command.routeros
#                ^^^^^ variable.parameter.flag.routeros - string.unquoted.routeros
#                      ^^^^^ keyword.other.where.routeros
/ip firewall filter { add chain=input; add chain=forward }
#            ^^^^^^ entity.name.tag.path.routeros
#                     ^^^ meta.block.routeros entity.name.function.command.routeros
#                                      ^^^ meta.block.routeros entity.name.function.command.routeros
/interface 6to4 print
#          ^^^^ entity.name.tag.path.routeros
#               ^^^^^ entity.name.function.command.routeros
/system reset-configuration no-defaults=yes
#       ^^^^^^^^^^^^^^^^^^^ entity.name.tag.path.routeros
#                           ^^^^^^^^^^^ variable.parameter.routeros
/ip firewall mangle reset-counters-all
#                   ^^^^^^^^^^^^^^^^^^ entity.name.function.command.routeros
