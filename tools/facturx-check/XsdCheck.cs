// Validates CII XML files against the UN/CEFACT CII D16B schema: dotnet run XsdCheck.cs -- <CrossIndustryInvoice_100pD16B.xsd> <file.xml>...
// Prints « <file>: valid » or each error; exits 1 when a file is invalid. Used by ../facturx-check.sh.
using System.Xml;
using System.Xml.Schema;

var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
schemas.Add("urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100", args[0]);
schemas.Compile();
var invalid = 0;
foreach (var file in args.Skip(1))
{
    var errors = 0;
    var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
    settings.ValidationEventHandler += (_, e) =>
    {
        errors++;
        Console.WriteLine($"{file}: line {e.Exception?.LineNumber}: {e.Message}");
    };
    using (var reader = XmlReader.Create(file, settings))
    {
        while (reader.Read())
        {
        }
    }

    Console.WriteLine(errors == 0 ? $"{file}: valid" : $"{file}: {errors} error(s)");
    invalid += errors == 0 ? 0 : 1;
}

return invalid == 0 ? 0 : 1;
