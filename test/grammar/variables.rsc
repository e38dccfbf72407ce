# SYNTAX TEST "source.routeros" "variables and declarations"
:local myVar "x"; :global counter 0
#      ^^^^^ variable.other.definition.routeros
#^^^^^ keyword.control.global.routeros
#                         ^^^^^^^ variable.other.definition.routeros
:put $myVar
#    ^ variable.other.routeros punctuation.definition.variable.routeros
#     ^^^^^ variable.other.routeros
:global "my-var" 1; :put $"my-var"
#                        ^^^^^^^^^ variable.other.routeros
:global f do={ :return ($1 + $a) }
#       ^ variable.other.definition.routeros
#                       ^^ variable.other.positional.routeros
#                            ^^ variable.other.routeros
:foreach k,v in={a=1;b=2} do={ :put "$k=$v" }
#        ^ variable.other.definition.routeros
#         ^ punctuation.separator.comma.routeros
#          ^ variable.other.definition.routeros
#            ^^ variable.parameter.routeros
#                                    ^^ string.quoted.double.routeros variable.other.routeros
#                                       ^^ string.quoted.double.routeros variable.other.routeros
:put [$f a=6 b=2]
#     ^^ meta.substitution.command.routeros variable.other.routeros
#        ^ variable.parameter.routeros
:put ($a . $b)
#        ^ keyword.operator.concat.routeros
#          ^^ variable.other.routeros
/interface print where (name~"ether")=false
#                       ^^^^ meta.group.routeros variable.other.routeros
#                                     ^^^^^ constant.language.boolean.routeros
:set i ($i + 1)
#^^^ keyword.control.global.routeros
#    ^ variable.other.definition.routeros
#          ^ keyword.operator.arithmetic.routeros
:onerror e in={ :error "boom" } do={ :put "caught $e" }
#        ^ variable.other.definition.routeros
#                                                 ^^ string.quoted.double.routeros variable.other.routeros
