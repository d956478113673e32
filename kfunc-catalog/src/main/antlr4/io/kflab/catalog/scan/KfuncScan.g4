/*
 * Island grammar for the kfunc declarations of kernel C sources: it recognises the kfunc-set
 * macros, id_set initialisers, registrations, __bpf_kfunc prototypes, the hook switch and the
 * verifier's suffix checks, and lets every other token fall through `other`. Preprocessor
 * conditionals and #define lines travel on the hidden channel so that they never break a construct.
 */
grammar KfuncScan;



file : item* EOF ;

item
    : setStart
    | setEnd
    | idFlags
    | idSetInit
    | registration
    | kfuncProto
    | hookSwitch
    | suffixCheck
    | other
    ;

setStart : kind=(BTF_KFUNCS_START | BTF_SET8_START) '(' name=ID ')' ;
setEnd   : kind=(BTF_KFUNCS_END | BTF_SET8_END) '(' name=ID ')' ;

idFlags  : BTF_ID_FLAGS '(' prefix=ID ',' name=ID (',' flagExpr)? ')' ;
flagExpr : flag+=ID ('|' flag+=ID)* ;

idSetInit  : STRUCT BTF_KFUNC_ID_SET name=ID '=' '{' designator (',' designator)* ','? '}' ;
designator : '.' field=ID '=' initValue ;
initValue  : ( balanced | ~(',' | '}' | '(' | ')' | '{' | ';') )+ ;

registration : fn=(REGISTER_KFUNC_ID_SET | REGISTER_FMODRET_ID_SET) '(' args ')' ;
args         : arg (',' arg)* ;
arg          : ( balanced | ~(',' | '(' | ')' | '{' | '}' | ';') )+ ;
balanced     : '(' ( balanced | ~('(' | ')' | '{' | '}' | ';') )* ')' ;

kfuncProto : BPF_KFUNC spec+=specToken* name=ID '(' params? ')' ;
specToken  : ~('(' | ')' | ';' | '{' | '}' | '=' | ',' | BPF_KFUNC) ;
params     : param (',' param)* ;
param      : ( balanced | ~(',' | '(' | ')' | '{' | '}' | ';') )+ ;

hookSwitch : TO_KFUNC_HOOK '(' ( ~')' )* ')' '{' SWITCH '(' ID ')' '{' hookCase* '}' ;
hookCase   : ( CASE progType+=ID ':' )+ RETURN hook=ID ';'   # typeCase
           | DEFAULT ':' RETURN hook=ID ';'                  # defaultCase
           ;

flagDefine : name=ID '(' base=NUMBER LT LT bit=NUMBER ')' EOF   # shiftDefine
           | name=ID fn=ID '(' bit=NUMBER ')' EOF                # bitDefine
           ;

macroCalls : ( fn=ID '(' args? ')' ','? )* EOF ;

suffixCheck : callee=(MATCH_SUFFIX_FN | SIZEOF) '(' ( ~(')' | '(' | ';' | '{' | '}') )*? suffix=STRING ( ~(')' | '(' | ';' | '{' | '}') )* ')' ;

other : . ;

// ---------------------------------------------------------------- lexer

BTF_KFUNCS_START        : 'BTF_KFUNCS_START' ;
BTF_KFUNCS_END          : 'BTF_KFUNCS_END' ;
BTF_SET8_START          : 'BTF_SET8_START' ;
BTF_SET8_END            : 'BTF_SET8_END' ;
BTF_ID_FLAGS            : 'BTF_ID_FLAGS' ;
BTF_KFUNC_ID_SET        : 'btf_kfunc_id_set' ;
REGISTER_KFUNC_ID_SET   : 'register_btf_kfunc_id_set' ;
REGISTER_FMODRET_ID_SET : 'register_btf_fmodret_id_set' ;
BPF_KFUNC               : '__bpf_kfunc' ;
TO_KFUNC_HOOK           : 'bpf_prog_type_to_kfunc_hook' ;
MATCH_SUFFIX_FN         : [a-z_]* 'match_suffix' ;
STRUCT                  : 'struct' ;
SWITCH                  : 'switch' ;
CASE                    : 'case' ;
DEFAULT                 : 'default' ;
RETURN                  : 'return' ;
SIZEOF                  : 'sizeof' ;

ID     : [a-zA-Z_$] [a-zA-Z_0-9$]* ;
NUMBER : [0-9] [a-zA-Z0-9_.]* | '.' [0-9] [a-zA-Z0-9_.]* ;
STRING : '"' ( '\\' . | ~["\\\r\n] )* '"' ;
CHAR   : '\'' ( '\\' . | ~['\\\r\n] )* '\'' ;

PP_COND   : '#' [ \t]* ( 'if' | 'ifdef' | 'ifndef' | 'elif' | 'elifdef' | 'elifndef' | 'else' | 'endif' ) LINE_REST -> channel(HIDDEN) ;
PP_DEFINE : '#' [ \t]* 'define' LINE_REST -> channel(HIDDEN) ;
PP_OTHER  : '#' [ \t]* [a-z]+ LINE_REST -> skip ;

BLOCK_COMMENT : '/*' .*? ( '*/' | EOF ) -> skip ;
LINE_COMMENT  : '//' ~[\r\n]* -> skip ;
CONTINUATION  : '\\' '\r'? '\n' -> skip ;
WS            : [ \t\r\n\f\u000B]+ -> skip ;

LPAREN : '(' ;
RPAREN : ')' ;
LBRACE : '{' ;
RBRACE : '}' ;
COMMA  : ',' ;
SEMI   : ';' ;
ASSIGN : '=' ;
DOT    : '.' ;
PIPE   : '|' ;
LT     : '<' ;
COLON  : ':' ;
PUNCT  : . ;

fragment LINE_REST : ( '/*' .*? '*/' | '\\' '\r'? '\n' | ~[\r\n] )* ;
