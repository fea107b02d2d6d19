/**
 * CQL2 Text (OGC 21-065r2) as a Peggy grammar: Basic CQL2 (comparisons, AND / OR / NOT,
 * IS NULL), the advanced comparison operators (LIKE, BETWEEN, IN) and the basic spatial function
 * S_INTERSECTS with WKT and BBOX literals. It yields the CQL2-JSON shape (`{ op, args }`), with
 * the offset of every property name so that later checks can say where.
 */
export const CQL2_GRAMMAR = String.raw`
{{
  function fold(head, tail, op) {
    return tail.length === 0 ? head : { op, args: [head, ...tail.map((item) => item[3])] }
  }
  function negate(not, expression) {
    return not ? { op: 'not', args: [expression] } : expression
  }
}}

start = _ expression:orExpression _ { return expression }

orExpression = head:andExpression tail:(_ OR _ andExpression)* { return fold(head, tail, 'or') }
andExpression = head:notExpression tail:(_ AND _ notExpression)* { return fold(head, tail, 'and') }
notExpression
  = NOT _ expression:notExpression { return { op: 'not', args: [expression] } }
  / primary

primary
  = "(" _ expression:orExpression _ ")" { return expression }
  / spatialPredicate
  / predicate
  / value:booleanLiteral !(_ comparisonOperator) { return value }

spatialPredicate = name:spatialFunction _ "(" _ left:geometryExpression _ "," _ right:geometryExpression _ ")" { return { op: name, args: [left, right] } }
spatialFunction = name:$("S_INTERSECTS"i) !identifierPart { return 's_intersects' }
geometryExpression = spatialLiteral / property

predicate
  = left:scalar _ not:(NOT _)? LIKE _ pattern:scalar { return negate(not, { op: 'like', args: [left, pattern] }) }
  / left:scalar _ not:(NOT _)? BETWEEN _ low:scalar _ AND _ high:scalar { return negate(not, { op: 'between', args: [left, low, high] }) }
  / left:scalar _ not:(NOT _)? IN _ "(" _ head:scalar tail:(_ "," _ scalar)* _ ")" { return negate(not, { op: 'in', args: [left, [head, ...tail.map((item) => item[3])]] }) }
  / left:scalar _ IS _ not:(NOT _)? NULL { return negate(not, { op: 'isNull', args: [left] }) }
  / left:scalar _ op:comparisonOperator _ right:scalar { return { op, args: [left, right] } }

comparisonOperator "an operator" = "<>" / "<=" / ">=" / "=" / "<" / ">"

scalar "a value (a string, number, TRUE, FALSE, DATE, TIMESTAMP or a property)" = stringLiteral / numberLiteral / booleanLiteral / instantLiteral / property

property
  = '"' name:$([^"]+) '"' { return { property: name, at: location().start.offset } }
  / !reserved name:$(identifierStart identifierPart*) !(_ "(") { return { property: name, at: location().start.offset } }

identifierStart = [A-Za-z_\u0080-\uFFFF]
identifierPart = [A-Za-z0-9_.:\u0080-\uFFFF]

reserved = (AND / OR / NOT / LIKE / BETWEEN / IN / IS / NULL / TRUE / FALSE) !identifierPart

stringLiteral = "'" chars:("''" { return "'" } / [^'])* "'" { return chars.join('') }

numberLiteral = text:$("-"? ([0-9]+ ("." [0-9]*)? / "." [0-9]+) ([eE] [+-]? [0-9]+)?) { return Number(text) }

booleanLiteral
  = TRUE { return true }
  / FALSE { return false }

instantLiteral
  = "DATE"i _ "(" _ value:stringLiteral _ ")" { return { date: value } }
  / "TIMESTAMP"i _ "(" _ value:stringLiteral _ ")" { return { timestamp: value } }

spatialLiteral
  = "POINT"i _ zm? _ "(" _ position:position _ ")" { return { type: 'Point', coordinates: position } }
  / "LINESTRING"i _ zm? _ positions:positionList { return { type: 'LineString', coordinates: positions } }
  / "POLYGON"i _ zm? _ rings:ringList { return { type: 'Polygon', coordinates: rings } }
  / "MULTIPOINT"i _ zm? _ "(" _ head:multiPointMember tail:(_ "," _ multiPointMember)* _ ")" { return { type: 'MultiPoint', coordinates: [head, ...tail.map((item) => item[3])] } }
  / "MULTILINESTRING"i _ zm? _ "(" _ head:positionList tail:(_ "," _ positionList)* _ ")" { return { type: 'MultiLineString', coordinates: [head, ...tail.map((item) => item[3])] } }
  / "MULTIPOLYGON"i _ zm? _ "(" _ head:ringList tail:(_ "," _ ringList)* _ ")" { return { type: 'MultiPolygon', coordinates: [head, ...tail.map((item) => item[3])] } }
  / "GEOMETRYCOLLECTION"i _ "(" _ head:spatialLiteral tail:(_ "," _ spatialLiteral)* _ ")" { return { type: 'GeometryCollection', geometries: [head, ...tail.map((item) => item[3])] } }
  / "BBOX"i _ "(" _ head:numberLiteral tail:(_ "," _ numberLiteral)* _ ")" { return { bbox: [head, ...tail.map((item) => item[3])] } }

zm = "Z"i !identifierPart
multiPointMember = "(" _ position:position _ ")" { return position } / position
positionList = "(" _ head:position tail:(_ "," _ position)* _ ")" { return [head, ...tail.map((item) => item[3])] }
ringList = "(" _ head:positionList tail:(_ "," _ positionList)* _ ")" { return [head, ...tail.map((item) => item[3])] }
position = x:numberLiteral __ y:numberLiteral z:(__ numberLiteral)? { return z === null ? [x, y] : [x, y, z[1]] }

AND = "AND"i !identifierPart
OR = "OR"i !identifierPart
NOT = "NOT"i !identifierPart
LIKE = "LIKE"i !identifierPart
BETWEEN = "BETWEEN"i !identifierPart
IN = "IN"i !identifierPart
IS = "IS"i !identifierPart
NULL = "NULL"i !identifierPart
TRUE = "TRUE"i !identifierPart
FALSE = "FALSE"i !identifierPart

_ "white space" = [ \t\r\n]*
__ "white space" = [ \t\r\n]+
`
