# SYNTAX TEST "source.routeros" "mistakes other RouterOS grammars make"
# 1. A hyphenated parameter name is one token, not on / - / up.
/ppp profile set default on-up=myscript on-down=other
#                        ^^^^^ variable.parameter.routeros
#                          ^ variable.parameter.routeros - keyword.operator.arithmetic.routeros
#                        ^^ - keyword.operator.arithmetic.routeros
#                           ^^ - keyword.operator.arithmetic.routeros
#                                       ^^^^^^^ variable.parameter.routeros
/interface pppoe-client add add-default-route=yes use-peer-dns=no
#                           ^^^^^^^^^^^^^^^^^ variable.parameter.routeros
#                                                 ^^^^^^^^^^^^ variable.parameter.routeros
# 2. The key accessor -> is one operator; the variable ends before it.
:put ($a->"k")
#     ^^ variable.other.routeros
#       ^^ keyword.operator.accessor.routeros
#       ^ keyword.operator.accessor.routeros - keyword.operator.arithmetic.routeros
:put ($config->"wan"->"name")
#     ^^^^^^^ variable.other.routeros
#                   ^^ keyword.operator.accessor.routeros
#                    ^ keyword.operator.accessor.routeros - keyword.operator.comparison.routeros
# 3. A single quote does not start a string: the # after it is still literal text and the line ends normally.
:put it's
#    ^^^^ string.unquoted.routeros - string.quoted.double.routeros
:put it's #x
#    ^^^^ string.unquoted.routeros - string.quoted.double.routeros
#         ^^ string.unquoted.routeros - comment.line.number-sign.routeros string.quoted.double.routeros
:put "next line is code"
# <---- keyword.control.global.routeros - string.unquoted.routeros
# 4. A # inside a value is not a comment.
/ip firewall address-list add list=blocked address=1.2.3.4 comment=#spam
#                                                                  ^^^^^ string.unquoted.routeros - comment.line.number-sign.routeros
/interface bridge add name=br#1
#                          ^^^^ string.unquoted.routeros - comment.line.number-sign.routeros
# 5. Global commands are recognised by shape, including ones newer than any keyword list.
:serialize to=json value=$a; :jobname; :onerror e in={} do={}
# <---------- keyword.control.global.routeros
#                            ^^^^^^^^ keyword.control.global.routeros
#                                      ^^^^^^^^ keyword.control.global.routeros
