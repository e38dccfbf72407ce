# SYNTAX TEST "source.routeros" "parameter names are single tokens"
/ppp profile add name=p on-up=script1 only-one=yes
#                       ^^^^^ variable.parameter.routeros
#                            ^ keyword.operator.assignment.routeros
#                                     ^^^^^^^^ variable.parameter.routeros
/interface pppoe-client add add-default-route=yes default-route-distance=2
#                           ^^^^^^^^^^^^^^^^^ variable.parameter.routeros
#                                                 ^^^^^^^^^^^^^^^^^^^^^^ variable.parameter.routeros
#                                                                        ^ constant.numeric.integer.routeros
/ip firewall mangle set 0 !port chain=blah2 !nth
#                         ^ keyword.operator.logical.negation.routeros
#                          ^^^^ string.unquoted.routeros
#                               ^^^^^ variable.parameter.routeros
/ip route print proplist=.id,gateway .id=*1
#                                    ^^^ variable.parameter.routeros
:for i from=1 to=10 step=2 do={ :put $i }
#    ^ variable.other.definition.routeros
#      ^^^^ variable.parameter.routeros
#             ^^ variable.parameter.routeros
#                   ^^^^ variable.parameter.routeros
#                          ^^ keyword.control.flow.routeros
:do { :put 1 } on-error={ :put 2 }
#              ^^^^^^^^ keyword.control.flow.routeros
:do { :put 1 } while=($i < 10)
#              ^^^^^ keyword.control.flow.routeros
:for i from= 1 to= 2 do={ :put $i }
#      ^^^^ variable.parameter.routeros
#            ^ constant.numeric.integer.routeros
