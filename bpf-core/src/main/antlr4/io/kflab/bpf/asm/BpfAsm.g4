// LLVM BPF assembly as the kernel selftests write it in inline asm, plus the kernel verifier
// log's forms (goto pc+N, call name#id, "(b7)" opcode prefixes) and kflab's pseudo ld_imm64
// sources (map_fd(3) ll). Semantics (which mnemonic means what) live in the assembler.
grammar BpfAsm;

program : sep* (statement (sep+ statement)*)? sep* EOF ;

sep : NEWLINE | SEMI ;

statement
    : label+ instruction?
    | instruction
    ;

label : name=labelName COLON ;

labelName : IDENT | NUMBER ;

instruction
    : kernelPrefix? body
    ;

// "(b7)" as printed in verifier logs; ignored.
kernelPrefix : LPAREN (IDENT | NUMBER) RPAREN ;

body
    : dst=REG op=aluOp src=REG                                    # aluReg
    | dst=REG op=aluOp value=expr                                 # aluImm
    | dst=REG ASSIGN MINUS src=REG                                # neg
    | dst=REG ASSIGN LPAREN cast=IDENT RPAREN src=REG             # movsx
    | dst=REG ASSIGN swap=IDENT src=REG                           # endian
    | dst=REG ASSIGN value=immValue suffix=IDENT                  # ldImm64
    | dst=REG ASSIGN STAR LPAREN ty=IDENT STAR RPAREN mem=memAddr # load
    | dst=REG ASSIGN STAR LPAREN ty=IDENT STAR RPAREN skb=IDENT
          LBRACK (ind=REG (PLUS off=expr)? | abs=expr) RBRACK     # legacyLoad
    | dst=REG ASSIGN fn=IDENT LPAREN fnArg (COMMA fnArg)* RPAREN   # fnAssign
    | STAR LPAREN ty=IDENT STAR RPAREN mem=memAddr ASSIGN (srcReg=REG | srcImm=expr) # store
    | LOCK STAR LPAREN ty=IDENT STAR RPAREN mem=memAddr op=aluOp src=REG        # atomicRmw
    | fn=IDENT LPAREN fnArg (COMMA fnArg)* RPAREN                 # fnStatement
    | IF dst=REG op=cmpOp (srcReg=REG | srcImm=expr) GOTO tgt=target  # condJump
    | GOTO tgt=target                                             # ja
    | GOTOL tgt=target                                            # gotol
    | MAY_GOTO tgt=target                                         # mayGoto
    | CALL callee=callTarget                                      # call
    | EXIT                                                        # exit
    | DIRECTIVE_8BYTE value=expr                                  # rawWord
    ;

// (r10 - 8), (r1 + 0), (r10 -8) as the kernel prints it
memAddr : LPAREN base=REG (sign=(PLUS | MINUS) off=expr)? RPAREN ;

// arguments of function-like forms: (u64 *)(r1 + 0), r1 + 0, r2, 16
fnArg
    : LPAREN ty=IDENT STAR RPAREN mem=memAddr                     # memArg
    | base=REG sign=(PLUS | MINUS) off=expr                       # regOffArg
    | reg=REG                                                     # regArg
    | value=expr                                                  # exprArg
    ;

immValue
    : expr
    | fn=IDENT LPAREN expr (COMMA expr)? RPAREN
    | sym=IDENT
    ;

target
    : name=IDENT                                                  # labelTarget
    | PC sign=(PLUS | MINUS) NUMBER                               # pcTarget
    | sign=(PLUS | MINUS)? NUMBER                                 # relTarget
    ;

callTarget
    : PC sign=(PLUS | MINUS) NUMBER                               # callPc
    | name=IDENT HASH id=expr                                     # callNameId
    | fn=IDENT LPAREN expr (COMMA expr)? RPAREN                   # callFn
    | name=IDENT                                                  # callName
    | PLACEHOLDER                                                 # callPlaceholder
    | id=expr                                                     # callId
    ;

expr
    : MINUS expr                                                  # negExpr
    | PLUS expr                                                   # posExpr
    | expr op=(STAR | SLASH) expr                                 # mulExpr
    | expr op=(PLUS | MINUS) expr                                 # addExpr
    | expr op=(SHL | SHR) expr                                    # shiftExpr
    | LPAREN expr RPAREN                                          # parenExpr
    | NUMBER                                                      # numExpr
    | PLACEHOLDER                                                 # placeholderExpr
    ;

aluOp
    : ASSIGN | ADD_ASSIGN | SUB_ASSIGN | MUL_ASSIGN | DIV_ASSIGN | OR_ASSIGN | AND_ASSIGN
    | LSH_ASSIGN | RSH_ASSIGN | MOD_ASSIGN | XOR_ASSIGN | ARSH_ASSIGN | SDIV_ASSIGN | SMOD_ASSIGN
    ;

cmpOp : EQ | NE | GT | GE | LT | LE | SGT | SGE | SLT | SLE | AMP ;

// ---- lexer ----
IF : 'if' ;
GOTO : 'goto' ;
GOTOL : 'gotol' ;
MAY_GOTO : 'may_goto' ;
CALL : 'call' ;
EXIT : 'exit' ;
LOCK : 'lock' ;
PC : 'pc' ;
DIRECTIVE_8BYTE : '.8byte' ;

REG : [rw] ('10' | [0-9]) ;

// r11, w12, ...: not registers, reported as such
BAD_REG : [rw] [0-9]+ ;

PLACEHOLDER : '%[' [a-zA-Z_] [a-zA-Z0-9_]* ']' ;

NUMBER : '0' [xX] [0-9a-fA-F]+ | [0-9]+ ;

// labels in inline asm end in "%=" (a number unique to the asm block), e.g. l0_%=
IDENT : [a-zA-Z_.] [a-zA-Z0-9_.]* ('_%=' [a-zA-Z0-9_]*)? ;

ARSH_ASSIGN : 's>>=' ;
SDIV_ASSIGN : 's/=' ;
SMOD_ASSIGN : 's%=' ;
SGE : 's>=' ;
SLE : 's<=' ;
SGT : 's>' ;
SLT : 's<' ;
LSH_ASSIGN : '<<=' ;
RSH_ASSIGN : '>>=' ;
ADD_ASSIGN : '+=' ;
SUB_ASSIGN : '-=' ;
MUL_ASSIGN : '*=' ;
DIV_ASSIGN : '/=' ;
OR_ASSIGN : '|=' ;
AND_ASSIGN : '&=' ;
MOD_ASSIGN : '%=' ;
XOR_ASSIGN : '^=' ;
EQ : '==' ;
NE : '!=' ;
GE : '>=' ;
LE : '<=' ;
SHL : '<<' ;
SHR : '>>' ;
GT : '>' ;
LT : '<' ;
ASSIGN : '=' ;
AMP : '&' ;
PLUS : '+' ;
MINUS : '-' ;
STAR : '*' ;
SLASH : '/' ;
LPAREN : '(' ;
RPAREN : ')' ;
LBRACK : '[' ;
RBRACK : ']' ;
COMMA : ',' ;
COLON : ':' ;
HASH : '#' ;
SEMI : ';' ;

LINE_COMMENT : '//' ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;
NEWLINE : '\r'? '\n' | '\r' ;
WS : [ \t\f]+ -> skip ;
ERROR_CHAR : . ;
