# SYNTAX TEST "source.routeros" "comments only where a statement may start"
# Header lines of an export are comments.
# 2026-01-13 12:51:42 by RouterOS 7.12.1
# <------ comment.line.number-sign.routeros
  # indented comment
# ^^^^^^^^^^ comment.line.number-sign.routeros
:global a; # after a statement separator
#          ^^^^^^^ comment.line.number-sign.routeros
#        ^ punctuation.terminator.statement.routeros
:if (true) do={ # first thing in a block
#               ^^^^^^^ meta.block.routeros comment.line.number-sign.routeros
}
# <- punctuation.section.block.end.routeros
:put [ # first thing in a substitution
#      ^^^^^^^ meta.substitution.command.routeros comment.line.number-sign.routeros
]
# <- punctuation.section.brackets.end.routeros
# A # inside a value is literal text, not a comment.
/ip firewall filter add chain=input comment=#test
#                                           ^^^^^ string.unquoted.routeros - comment.line.number-sign.routeros
/ip firewall filter add chain=input comment=a#b
#                                           ^^^ string.unquoted.routeros - comment.line.number-sign.routeros
:put #test
#    ^^^^^ string.unquoted.routeros - comment.line.number-sign.routeros
:global y #test
#         ^^^^^ string.unquoted.routeros - comment.line.number-sign.routeros
:global myStr "part of the string # is not a comment"
#                                 ^^^^^^^^ string.quoted.double.routeros - comment.line.number-sign.routeros
# After a closing brace or a complete command, # is an error on the device, never a comment.
:if (true) do={ :put 1 } # c
#                        ^^^ - comment.line.number-sign.routeros
:local x 2 #c
#          ^^ - comment.line.number-sign.routeros
# A physical line starting with # inside a continued command is a comment; the command goes on.
/interface pppoe-client add \
#                           ^ constant.character.escape.line-continuation.routeros
    # the user name comes next
#   ^^^^^ meta.statement.command.routeros comment.line.number-sign.routeros
    user="u" disabled=no
#   ^^^^ meta.statement.command.routeros variable.parameter.routeros
#            ^^^^^^^^ meta.statement.command.routeros variable.parameter.routeros
