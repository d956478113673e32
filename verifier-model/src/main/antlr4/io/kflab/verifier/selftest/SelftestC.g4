// The subset of C that the kernel's BPF verifier selftests are written in:
//  - progs/verifier_*.c: SEC("...") functions carrying annotation macros, usually __naked with one
//    asm volatile block; map definitions in ".maps"; #define constants; plain structs;
//  - verifier/*.c: a list of struct bpf_test initialisers ({ "description", .insns = {...}, ... },).
// Preprocessor conditionals are resolved before lexing (SelftestPreprocessor); #include and other
// directives are skipped. Anything else at the top level is kept as an opaque declaration.
grammar SelftestC;

file : topItem* EOF ;

topItem
    : DEFINE                                                        # defineItem
    | SEC LPAREN section=string RPAREN functionDef                  # secFunctionItem
    | structDef                                                     # structItem
    | functionDef                                                   # plainFunctionItem
    | testEntry COMMA?                                              # testItem
    | macro=IDENT LPAREN paramPart* RPAREN COMMA?                    # macroItem
    | declaration                                                   # declarationItem
    | SEMI                                                          # emptyItem
    ;

// ---- functions -------------------------------------------------------------------------------

// annotations, storage classes and the return type come before the name: __success __naked void f(void)
functionDef : attr* name=IDENT LPAREN paramPart* RPAREN block ;

attr
    : name=IDENT (LPAREN (expr (COMMA expr)*)? RPAREN)?
    | (STRUCT | UNION) IDENT
    | STAR
    ;

paramPart : ~(LPAREN | RPAREN | LBRACE | RBRACE) | LPAREN paramPart* RPAREN ;

block : LBRACE blockItem* RBRACE ;

blockItem
    : asmStatement
    | block
    | ~(LBRACE | RBRACE)
    ;

// asm volatile ("..." "..." : outputs : inputs : clobbers);
asmStatement
    : ASM qualifier=(VOLATILE | GOTO)? LPAREN template=string
      (COLON asmOperands? (COLON asmOperands? (COLON asmClobbers? (COLON asmOperands?)?)?)?)?
      RPAREN SEMI
    ;

asmOperands : asmOperand (COMMA asmOperand)* ;

asmOperand
    : macro=IDENT LPAREN expr (COMMA expr)* RPAREN                     // __imm(x), __imm_const(n, e), ...
    | LBRACK name=IDENT RBRACK constraint=string LPAREN expr RPAREN     // [name]"i"(expr)
    | constraint=string LPAREN expr RPAREN
    ;

asmClobbers : asmClobber (COMMA asmClobber)* ;

asmClobber : IDENT | string ;

// ---- structs and maps -------------------------------------------------------------------------

// struct test_val { unsigned int index; int foo[MAX_ENTRIES]; };
// struct { __uint(type, BPF_MAP_TYPE_HASH); ... } map_hash_8b SEC(".maps");
structDef
    : kind=(STRUCT | UNION) tag=IDENT? LBRACE member* RBRACE
      declarator=IDENT? (LBRACK expr? RBRACK)? (SEC LPAREN section=string RPAREN)? attrTail* SEMI
    ;

attrTail : IDENT (LPAREN (expr (COMMA expr)*)? RPAREN)? ;

member : memberPart+ SEMI ;

memberPart : ~(SEMI | LBRACE | RBRACE) | LBRACE member* RBRACE ;

// ---- struct bpf_test ---------------------------------------------------------------------------

testEntry : LBRACE description=string (COMMA testField)* COMMA? RBRACE ;

testField
    : DOT name=IDENT (LBRACK expr RBRACK)? ASSIGN initializer
    | initializer
    ;

initializer
    : LBRACE (initItem (COMMA initItem)* COMMA?)? RBRACE
    | expr
    ;

initItem
    : DOT IDENT (DOT IDENT)* ASSIGN initializer
    | LBRACK expr RBRACK ASSIGN initializer
    | initializer
    ;

// ---- anything else ------------------------------------------------------------------------------

declaration : ~(SEMI | LBRACE | RBRACE | DEFINE) declPart* SEMI ;

declPart : ~(SEMI | LBRACE | RBRACE) | LBRACE declBody* RBRACE ;

declBody : ~(LBRACE | RBRACE) | LBRACE declBody* RBRACE ;

// ---- expressions --------------------------------------------------------------------------------

expr
    : primary                                                       # primaryExpr
    | expr LPAREN (expr (COMMA expr)*)? RPAREN                      # callExpr
    | expr LBRACK expr RBRACK                                       # indexExpr
    | expr op=(DOT | ARROW) IDENT                                   # memberExpr
    | LPAREN typeName RPAREN expr                                   # castExpr
    | SIZEOF LPAREN typeName RPAREN                                 # sizeofTypeExpr
    | SIZEOF expr                                                   # sizeofExpr
    | op=(MINUS | PLUS | TILDE | BANG | AMP | STAR) expr            # unaryExpr
    | expr op=(STAR | SLASH | PERCENT) expr                         # mulExpr
    | expr op=(PLUS | MINUS) expr                                   # addExpr
    | expr op=(SHL | SHR) expr                                      # shiftExpr
    | expr op=(LT | GT | LE | GE) expr                              # relExpr
    | expr op=(EQ | NE) expr                                        # eqExpr
    | expr AMP expr                                                 # bitAndExpr
    | expr CARET expr                                               # bitXorExpr
    | expr PIPE expr                                                # bitOrExpr
    | expr ANDAND expr                                              # andExpr
    | expr OROR expr                                                # orExpr
    | <assoc = right> expr QUESTION expr COLON expr                 # condExpr
    ;

primary
    : LPAREN expr RPAREN                                            # parenPrimary
    | NUMBER                                                        # numberPrimary
    | CHAR                                                          # charPrimary
    | string                                                        # stringPrimary
    | IDENT                                                         # namePrimary
    | (STRUCT | UNION) IDENT                                        # structTypePrimary
    | LBRACE (initItem (COMMA initItem)* COMMA?)? RBRACE            # bracedPrimary
    ;

typeName : (IDENT | STRUCT | UNION)+ STAR* ;

// adjacent literals are one string: "a" "b"
string : STRING+ ;

// ---- lexer --------------------------------------------------------------------------------------

DEFINE : '#' [ \t]* 'define' ( ~[\\\r\n] | '\\' '\r'? '\n' | '\\' ~[\r\n] )* ;
DIRECTIVE : '#' ( ~[\\\r\n] | '\\' '\r'? '\n' | '\\' ~[\r\n] )* -> skip ;

SEC : 'SEC' ;
STRUCT : 'struct' ;
UNION : 'union' ;
SIZEOF : 'sizeof' ;
ASM : 'asm' | '__asm__' | '__asm' ;
VOLATILE : 'volatile' | '__volatile__' ;
GOTO : 'goto' ;

NUMBER
    : ( '0' [xX] [0-9a-fA-F]+ | '0' [bB] [01]+ | [0-9]+ ) [uUlL]*
    ;
CHAR : '\'' ( '\\' . | ~['\\\r\n] )+ '\'' ;
STRING : '"' ( '\\' '\r'? '\n' | '\\' ~[\r\n] | ~["\\\r\n] )* '"' ;
IDENT : [a-zA-Z_$] [a-zA-Z0-9_$]* ;

ARROW : '->' ;
ELLIPSIS : '...' ;
SHL : '<<' ;
SHR : '>>' ;
LE : '<=' ;
GE : '>=' ;
EQ : '==' ;
NE : '!=' ;
ANDAND : '&&' ;
OROR : '||' ;
OP_ASSIGN : '+=' | '-=' | '*=' | '/=' | '%=' | '&=' | '|=' | '^=' | '<<=' | '>>=' ;
INCDEC : '++' | '--' ;
LPAREN : '(' ;
RPAREN : ')' ;
LBRACE : '{' ;
RBRACE : '}' ;
LBRACK : '[' ;
RBRACK : ']' ;
SEMI : ';' ;
COMMA : ',' ;
COLON : ':' ;
DOT : '.' ;
ASSIGN : '=' ;
QUESTION : '?' ;
PLUS : '+' ;
MINUS : '-' ;
STAR : '*' ;
SLASH : '/' ;
PERCENT : '%' ;
AMP : '&' ;
PIPE : '|' ;
CARET : '^' ;
TILDE : '~' ;
BANG : '!' ;
LT : '<' ;
GT : '>' ;

LINE_COMMENT : '//' ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;
WS : [ \t\r\n\f]+ -> skip ;
// a stray backslash-newline outside a directive (line splice)
SPLICE : '\\' '\r'? '\n' -> skip ;
ERROR_CHAR : . ;
