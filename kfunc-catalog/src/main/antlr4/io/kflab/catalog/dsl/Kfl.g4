// kflab catalog design language (.kfl): a hypothetical kfunc API design written the way kernel
// developers write kfunc sets. The parser keeps C declarations as token runs; DeclParser gives
// them meaning, and Checker does the semantic checks. See docs/catalog-dsl.md.
grammar Kfl;

file : header? statement* EOF ;

header : DESIGN STRING SEMI ;

statement
    : EXTENDS base SEMI                                                    # extendsStmt
    | INCLUDE STRING SEMI                                                  # includeStmt
    | OVERRIDE? KFUNC proto flags? SEMI                                    # kfuncStmt
    | REMOVE kind=(KFUNC | SET | STRUCT_OPS | FAMILY | FILTER) name SEMI  # removeStmt
    | OVERRIDE? SET name LBRACE setItem* RBRACE                            # setStmt
    | REGISTER SET name FOR target (COMMA target)* SEMI                        # registerStmt
    | FILTER name forType? LBRACE allowRule* RBRACE                        # filterStmt
    | OVERRIDE? STRUCT_OPS name LBRACE opsItem* RBRACE                     # structOpsStmt
    | FAMILY name forType? LBRACE variant* RBRACE                          # familyStmt
    | RENAME from=name ARROW to=name (SINCE VERSION)? SEMI                 # renameStmt
    ;

base
    : KERNEL                # kernelBase
    | SOURCE STRING         # sourceBase
    | STRING                # designBase
    ;

forType : FOR name ;

// A program type or kfunc hook (struct_ops is also a keyword).
target : name | STRUCT_OPS ;

// A C prototype: return type and name, then parameters; each part is a run of C tokens.
proto : cTokens LPAREN (param (COMMA param)*)? RPAREN ;
param : cTokens ;
cTokens : cToken+ ;
cToken : name | STRUCT | UNION | ENUM | CONST | STAR ;

flags : flagName (PIPE flagName)* ;
flagName : name ;

condition : IF name ;

setItem
    : FILTER name SEMI                          # setFilterRef
    | FILTER forType? LBRACE allowRule* RBRACE  # setFilterInline
    | HIDDEN_KW? name flags? condition? SEMI    # setEntry
    ;

allowRule : ALLOW refs WHEN predicate SEMI ;

refs : STAR | name (COMMA name)* ;

opsItem
    : DESIGN name SEMI                                  # opsDesign
    | CLASS name (COMMA name)* SEMI                     # opsClasses
    | cTokens (LPAREN (param (COMMA param)*)? RPAREN)? memberAttr* condition? SEMI   # opsMember
    | allowRule                                         # opsAllow
    ;

memberAttr
    : SLEEPABLE                       # sleepableAttr
    | CLASS name (PIPE name)*         # classAttr
    ;

variant : VARIANT name WHEN predicate SEMI ;

predicate
    : NOT predicate                       # notPred
    | predicate AND predicate             # andPred
    | predicate OR predicate              # orPred
    | LPAREN predicate RPAREN             # parenPred
    | subject EQ name                     # eqPred
    | subject NE name                     # nePred
    | subject IN LPAREN name (COMMA name)* RPAREN  # inPred
    | CLASS name                          # classPred
    | SLEEPABLE                           # sleepablePred
    | TRUE                                # truePred
    | FALSE                               # falsePred
    ;

subject : PROG_TYPE | ATTACH_TYPE | STRUCT_OPS | MEMBER | CLASS ;

// Words that are keywords only where the grammar expects them; elsewhere they are names.
name : IDENT | KERNEL | SOURCE | MEMBER | SINCE | PROG_TYPE | ATTACH_TYPE | VARIANT | SET | FAMILY | RENAME
     | REGISTER | INCLUDE | EXTENDS | OVERRIDE | REMOVE | KFUNC ;

DESIGN : 'design' ;
EXTENDS : 'extends' ;
KERNEL : 'kernel' ;
SOURCE : 'source' ;
INCLUDE : 'include' ;
KFUNC : 'kfunc' ;
OVERRIDE : 'override' ;
REMOVE : 'remove' ;
SET : 'set' ;
REGISTER : 'register' ;
FOR : 'for' ;
FILTER : 'filter' ;
ALLOW : 'allow' ;
WHEN : 'when' ;
IF : 'if' ;
HIDDEN_KW : 'hidden' ;
STRUCT_OPS : 'struct_ops' ;
CLASS : 'class' ;
SLEEPABLE : 'sleepable' ;
FAMILY : 'family' ;
VARIANT : 'variant' ;
RENAME : 'rename' ;
SINCE : 'since' ;
AND : 'and' ;
OR : 'or' ;
NOT : 'not' ;
IN : 'in' ;
TRUE : 'true' ;
FALSE : 'false' ;
PROG_TYPE : 'prog_type' ;
ATTACH_TYPE : 'attach_type' ;
MEMBER : 'member' ;
STRUCT : 'struct' ;
UNION : 'union' ;
ENUM : 'enum' ;
CONST : 'const' ;

ARROW : '->' ;
EQ : '==' ;
NE : '!=' ;
LPAREN : '(' ;
RPAREN : ')' ;
LBRACE : '{' ;
RBRACE : '}' ;
SEMI : ';' ;
COMMA : ',' ;
PIPE : '|' ;
STAR : '*' ;

VERSION : [0-9]+ ('.' [0-9]+)+ ;
IDENT : [A-Za-z_] [A-Za-z0-9_]* ;
STRING : '"' (~["\\\r\n] | '\\' ["\\])* '"' ;

LINE_COMMENT : '//' ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;
WS : [ \t\r\n\f]+ -> skip ;
// Anything else becomes a single bad token the parser reports.
BAD : . ;
